// The sync worker's way of reading downloaded pages: in the parse worker when it can start one, so
// that the parse of the next page runs beside the writes of the current one instead of holding up
// the sync worker's thread, which the writes need too. Where no worker can run (unit tests) or the
// worker fails, pages are read on the calling thread, with the same result.
import { adoptDerivedFields } from '../../../shared/feed/newsItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../../../shared/feed/parseFeedDocument';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import type { Result } from '../../../shared/result';
import type { DocumentToParse } from '../../../shared/sync/walkFeedPages';
import type { ParseCalls } from '../../threads/parseContract';
import { createWorkerThread, type WorkerLike } from '../../threads/workerThread';

export interface FeedParserOptions {
  /** Starts the parse worker; null (or a throw) reads every page on the calling thread. */
  startWorker: (() => WorkerLike) | null;
  /** Told once when the worker fails and pages are read on the calling thread from then on. */
  onWorkerFailed: (reason: string) => void;
}

type ParsedDocument = Result<ParsedFeedDocument, UserMessage>;

/**
 * Whether a parse worker pays on a machine with this many logical cores. On two, the browser's
 * IndexedDB thread and the sync worker already keep both busy during a large sync, and a third
 * thread only adds the copy of every parsed page from one worker to the other: in bench:sync on a
 * 2-core machine (issue 24, 2026-12-08) the workers used 2.6 CPU-seconds fewer per 100,000 items
 * without it, on average over two runs of each format (0.5 to 4.2 by format and run). With cores to spare, the next page's parse runs beside the current page's writes.
 */
export const parseWorkerPays = (cores: number | undefined): boolean => (cores ?? 0) > 2;

const readHere = (document: DocumentToParse): ParsedDocument => parseFeedDocument(document);

/** A parseDocument for walkFeedPages. Its promises always fulfil, as parseFeedDocument never throws. */
export const createFeedParser = (options: FeedParserOptions): ((document: DocumentToParse) => Promise<ParsedDocument>) => {
  const { startWorker } = options;
  let failed = startWorker === null;
  const giveUp = (reason: string) => {
    if (failed) return;
    failed = true;
    thread?.end(reason);
    options.onWorkerFailed(reason);
  };
  const thread =
    startWorker === null
      ? null
      : createWorkerThread<ParseCalls>({ start: startWorker, onStopped: (detail) => giveUp(`the parse worker stopped: ${detail}`) });

  return async (document) => {
    if (failed || thread === null) return readHere(document);
    let channel;
    try {
      channel = thread.channel();
    } catch (thrown) {
      giveUp(`the parse worker could not start: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      return readHere(document);
    }
    // The bytes are copied, not moved: they stay readable here should the worker fail.
    const answer = await channel.call('parsePage', document);
    if (!answer.ok) {
      // Pages asked for are read here: the walk waiting on them goes on as if nothing happened.
      giveUp(`the parse worker gave no answer (${answer.error.reason}: ${answer.error.detail})`);
      return readHere(document);
    }
    const { parsed, derived } = answer.value;
    if (parsed.ok && parsed.value.kind === 'feed') adoptDerivedFields(parsed.value.page.items, derived);
    return parsed;
  };
};
