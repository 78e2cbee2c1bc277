// How walkFeedPages gets its pages: downloaded and parsed, the next one read ahead while the one
// before it is written. A parse on this thread still holds up the write's callbacks (an Atom page:
// 40-130 ms), hence the injected parse, which the sync worker hands to a worker of its own.
import type { FeedPage } from '../feed/feedItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../feed/parseFeedDocument';
import type { Result } from '../result';
import type { FeedDocument, FeedDocumentRequest, FeedFetchResult } from './fetchFeedDocument';
import type { UserMessage } from '../i18n/userMessage';

/** A downloaded document as parseFeedDocument takes it. */
export interface DocumentToParse {
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
}

export type ParseResult = Result<ParsedFeedDocument, UserMessage>;

export interface PageReaderOptions {
  fetchDocument: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  parseDocument?: (document: DocumentToParse) => Promise<ParseResult>;
  preparePage?: (page: FeedPage) => void;
}

export interface PageReader {
  /** The page's download: the one read ahead when it asked for the same page, else a new one. */
  download(request: FeedDocumentRequest): Promise<FeedFetchResult>;
  /** The document's parse: the one started when it was read ahead, else a new one. */
  parse(document: Extract<FeedDocument, { kind: 'fetched' }>): Promise<ParseResult>;
  /** Starts downloading (and then parsing and preparing) a page the walk will probably ask for next. */
  readAhead(request: FeedDocumentRequest): void;
}

export const createPageReader = (options: PageReaderOptions): PageReader => {
  let ahead: { request: FeedDocumentRequest; answer: Promise<FeedFetchResult> } | null = null;
  const parsedAhead = new WeakMap<Uint8Array, Promise<ParseResult>>();
  const parseDocument = options.parseDocument ?? ((document: DocumentToParse) => Promise.resolve(parseFeedDocument(document)));

  const parse = (document: Extract<FeedDocument, { kind: 'fetched' }>): Promise<ParseResult> =>
    parsedAhead.get(document.bytes) ?? parseDocument({ bytes: document.bytes, contentType: document.contentType, url: document.url });

  const download = (request: FeedDocumentRequest): Promise<FeedFetchResult> => {
    const readBefore = ahead;
    ahead = null;
    const same = readBefore !== null && readBefore.request.url === request.url && readBefore.request.validators === request.validators;
    return same ? readBefore.answer : options.fetchDocument(request);
  };

  const readAhead = (request: FeedDocumentRequest): void => {
    const answer = options.fetchDocument(request).then((downloaded) => {
      if (downloaded.ok && downloaded.value.kind === 'fetched') {
        const parsing = parse(downloaded.value);
        parsedAhead.set(downloaded.value.bytes, parsing);
        void parsing.then((parsed) => {
          if (parsed.ok && parsed.value.kind === 'feed') options.preparePage?.(parsed.value.page);
        });
      }
      return downloaded;
    });
    // A failure reaches the walk when it asks for this page; if it never does (the store failed), it concerns no one.
    answer.catch(() => undefined);
    ahead = { request, answer };
  };

  return { download, parse, readAhead };
};
