// What the feed parse worker does with one page, and the messages to and from it: the page read as
// parseFeedDocument reads it, with its items' fingerprints and previews, which the sync worker adopts
// instead of working them out again on its own thread.
import { derivedFieldsOf, type DerivedFields } from '../../shared/feed/newsItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { Result } from '../../shared/result';
import type { DocumentToParse } from '../../shared/sync/walkFeedPages';

export interface ParseRequest extends DocumentToParse {
  id: number;
}

export interface ParseAnswer {
  id: number;
  parsed: Result<ParsedFeedDocument, UserMessage>;
  /** One per item of a parsed feed page, in its order; empty otherwise. */
  derived: DerivedFields[];
}

export const answerParseRequest = ({ id, bytes, contentType, url }: ParseRequest): ParseAnswer => {
  const parsed = parseFeedDocument({ bytes, contentType, url });
  return { id, parsed, derived: parsed.ok && parsed.value.kind === 'feed' ? derivedFieldsOf(parsed.value.page.items) : [] };
};
