// What the feed parse worker does with one page: reads it as parseFeedDocument reads it, with its
// items' fingerprints and previews, which the sync worker adopts instead of working them out again.
import { derivedFieldsOf } from '../../../shared/feed/newsItem';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import type { DocumentToParse } from '../../../shared/sync/walkFeedPages';
import type { ParsedPage } from '../../threads/parseContract';

export const parsePage = ({ bytes, contentType, url }: DocumentToParse): ParsedPage => {
  const parsed = parseFeedDocument({ bytes, contentType, url });
  return { parsed, derived: parsed.ok && parsed.value.kind === 'feed' ? derivedFieldsOf(parsed.value.page.items) : [] };
};
