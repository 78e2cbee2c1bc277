// The sync worker's way of reading downloaded pages: in a worker of their own when it can start one,
// so that the parse of the next page runs beside the writes of the current one instead of holding up
// the sync worker's thread, which the writes need too. Where no worker can run (unit tests) or the
// worker fails, pages are read on the calling thread, with the same result.
import { adoptDerivedFields } from '../../shared/feed/newsItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../shared/i18n/userMessage';
import type { Result } from '../../shared/result';
import type { DocumentToParse } from '../../shared/sync/walkFeedPages';
import type { ParseAnswer, ParseRequest } from './feedParse.worker';

/** The part of a Worker the parser uses. */
export interface FeedParseWorkerPort {
  postMessage(message: ParseRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseAnswer>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface FeedParserOptions {
  /** Starts the parse worker; null (or a throw) reads every page on the calling thread. */
  startWorker: (() => FeedParseWorkerPort) | null;
  /** Told once when the worker fails and pages are read on the calling thread from then on. */
  onWorkerFailed: (reason: unknown) => void;
}

type ParsedDocument = Result<ParsedFeedDocument, UserMessage>;

/** A parseDocument for walkFeedPages. Its promises always fulfil, as parseFeedDocument never throws. */
export const createFeedParser = (options: FeedParserOptions): ((document: DocumentToParse) => Promise<ParsedDocument>) => {
  const pending = new Map<number, { document: DocumentToParse; resolve: (parsed: ParsedDocument) => void }>();
  let worker: FeedParseWorkerPort | null = null;
  let failed = options.startWorker === null;
  let nextId = 1;

  const readHere = (document: DocumentToParse): ParsedDocument => parseFeedDocument(document);

  const giveUpWorker = (reason: unknown) => {
    if (failed) return;
    failed = true;
    worker?.terminate();
    worker = null;
    options.onWorkerFailed(reason);
    // Pages asked for are read here: the walk waiting on them goes on as if nothing happened.
    for (const { document, resolve } of pending.values()) resolve(readHere(document));
    pending.clear();
  };

  const started = (): FeedParseWorkerPort | null => {
    if (worker !== null || failed || options.startWorker === null) return worker;
    try {
      const port = options.startWorker();
      port.addEventListener('message', (event) => {
        const answer = event.data;
        const asked = pending.get(answer.id);
        if (asked === undefined) return;
        pending.delete(answer.id);
        if (answer.parsed.ok && answer.parsed.value.kind === 'feed') adoptDerivedFields(answer.parsed.value.page.items, answer.derived);
        asked.resolve(answer.parsed);
      });
      port.addEventListener('error', (event) => giveUpWorker(event));
      port.addEventListener('messageerror', (event) => giveUpWorker(event));
      worker = port;
    } catch (error) {
      giveUpWorker(error);
    }
    return worker;
  };

  return (document) => {
    const port = started();
    if (port === null) return Promise.resolve(readHere(document));
    const id = nextId++;
    return new Promise<ParsedDocument>((resolve) => {
      pending.set(id, { document, resolve });
      // The bytes are copied, not transferred: they stay readable here should the worker fail.
      port.postMessage({ id, bytes: document.bytes, contentType: document.contentType, url: document.url });
    });
  };
};
