// The calls the feed parse worker answers (workers/parse/parse.worker.ts), typed once for the sync
// worker that makes them and the parse worker that answers them.
import type { DerivedFields } from '../../shared/feed/newsItem';
import type { ParsedFeedDocument } from '../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { Result } from '../../shared/result';
import type { DocumentToParse } from '../../shared/sync/walkFeedPages';

export interface ParsedPage {
  parsed: Result<ParsedFeedDocument, UserMessage>;
  /** One per item of a parsed feed page, in its order; empty otherwise. */
  derived: DerivedFields[];
}

export type ParseCalls = {
  /** Reads one downloaded page as parseFeedDocument does, with its items' fingerprints and previews. */
  parsePage(document: DocumentToParse): ParsedPage;
};
