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

/** The page after a page read ahead, as the walk would ask for it (null: the walk would not go on there). */
export type FollowingPage = (page: FeedPage, pageNumber: number) => FeedDocumentRequest | null;

/**
 * Pages read ahead of the walk. Two: the sync worker reads a page's body only between its writes,
 * so with one page ahead the next write often waited for the parse of its page (traced: 40 to 70 ms
 * of every page of a 100,000-item sync).
 */
export const readAheadPages = 2;

export interface PageReader {
  /** The page's download: the one read ahead when it asked for the same page, else a new one. */
  download(request: FeedDocumentRequest): Promise<FeedFetchResult>;
  /** The document's parse: the one started when it was read ahead, else a new one. */
  parse(document: Extract<FeedDocument, { kind: 'fetched' }>): Promise<ParseResult>;
  /**
   * Starts downloading (and then parsing and preparing) page `pageNumber`, which the walk will
   * probably ask for next, and the pages after it that `following` names: `depth` pages in all
   * (`readAheadPages` unless said).
   */
  readAhead(request: FeedDocumentRequest, pageNumber: number, following: FollowingPage, depth?: number): void;
}

interface PageAhead {
  request: FeedDocumentRequest;
  answer: Promise<FeedFetchResult>;
  /** The page once parsed, or null when it is not a feed page (or the download failed). */
  page: Promise<FeedPage | null>;
}

export const createPageReader = (options: PageReaderOptions): PageReader => {
  const ahead = new Map<string, PageAhead>();
  const parsedAhead = new WeakMap<Uint8Array, Promise<ParseResult>>();
  const parseDocument = options.parseDocument ?? ((document: DocumentToParse) => Promise.resolve(parseFeedDocument(document)));

  const parse = (document: Extract<FeedDocument, { kind: 'fetched' }>): Promise<ParseResult> =>
    parsedAhead.get(document.bytes) ?? parseDocument({ bytes: document.bytes, contentType: document.contentType, url: document.url });

  const download = (request: FeedDocumentRequest): Promise<FeedFetchResult> => {
    const readBefore = ahead.get(request.url);
    ahead.delete(request.url);
    const same = readBefore !== undefined && readBefore.request.validators === request.validators;
    return same ? readBefore.answer : options.fetchDocument(request);
  };

  const startReading = (request: FeedDocumentRequest): PageAhead => {
    const answer = options.fetchDocument(request);
    const page = answer.then(async (downloaded) => {
      if (!downloaded.ok || downloaded.value.kind !== 'fetched') return null;
      const parsing = parse(downloaded.value);
      parsedAhead.set(downloaded.value.bytes, parsing);
      const parsed = await parsing;
      if (!parsed.ok || parsed.value.kind !== 'feed') return null;
      options.preparePage?.(parsed.value.page);
      return parsed.value.page;
    });
    // A failure reaches the walk when it asks for this page; if it never does (the store failed), it concerns no one.
    answer.catch(() => undefined);
    page.catch(() => undefined);
    return { request, answer, page };
  };

  const readAhead = (request: FeedDocumentRequest, pageNumber: number, following: FollowingPage, depth = readAheadPages): void => {
    let entry = ahead.get(request.url);
    if (entry === undefined || entry.request.validators !== request.validators) {
      entry = startReading(request);
      ahead.set(request.url, entry);
    }
    if (depth <= 1) return;
    void entry.page.then((page) => {
      const next = page === null ? null : following(page, pageNumber);
      if (next !== null) readAhead(next, pageNumber + 1, following, depth - 1);
    });
  };

  return { download, parse, readAhead };
};
