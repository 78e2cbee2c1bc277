// The window's side of the OPML worker: one worker per chosen file, handed the file's bytes (moved,
// not copied) and ended as soon as it answers, or once it has taken too long. A hostile file costs
// that worker its time, never the window its thread.
import { errorMessages } from '../../../shared/errorMessages';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import type { OpmlImport } from '../../../shared/opml/parseOpml';
import { fail, type Result } from '../../../shared/result';
import type { OpmlCalls } from '../../threads/opmlContract';
import { createWorkerThread, type WorkerLike } from '../../threads/workerThread';

/** Reads a chosen OPML file's bytes into its feeds, or the one thing wrong with it. */
export type ReadOpml = (bytes: Uint8Array<ArrayBuffer>) => Promise<Result<OpmlImport, UserMessage>>;

export interface OpmlReaderOptions {
  start: () => WorkerLike;
  /** The longest one file may take; then its worker is ended. */
  timeLimitMs: number;
  log: (message: string) => void;
}

export const createOpmlReader =
  (options: OpmlReaderOptions): ReadOpml =>
  async (bytes) => {
    // A worker that dies settles the call below with `stopped` and the cause, which is logged there.
    const thread = createWorkerThread<OpmlCalls>({ start: options.start, onStopped: () => undefined });
    try {
      // The worker says nothing until it answers, so the quiet limit is the time limit.
      const read = await thread.channel().call('readOpml', { bytes }, { transfer: [bytes.buffer], quietLimitMs: options.timeLimitMs });
      if (read.ok) return read.value;
      options.log(`An OPML file was not read (${read.error.reason}: ${read.error.detail})`);
      return fail(read.error.reason === 'timeout' ? errorMessages.opmlTookTooLong(Math.round(options.timeLimitMs / 1000)) : errorMessages.opmlUnreadable(read.error.detail));
    } finally {
      // Answered, failed or out of time: the worker is ended either way, mid-parse if need be.
      thread.end('the OPML file was read, or took too long');
    }
  };
