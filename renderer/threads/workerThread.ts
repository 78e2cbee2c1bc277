// Starts a worker and opens the thread channel to it: the one place that watches a worker die. A
// worker that throws outside any call, or whose messages cannot be read, is ended, its calls settle
// with `stopped`, and the next call starts a fresh one: a dead worker never leaves a caller waiting.
import { createThreadChannel, type CallMap, type ChannelOptions, type EventMap, type ThreadChannel } from '../../shared/threads/threadChannel';

/** What this needs of a Worker (a stand-in in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerThreadOptions<Local extends CallMap> extends ChannelOptions<Local> {
  /** Starts the worker: the caller writes the `new Worker` with its `new URL(…, import.meta.url)`, so the bundler finds it. */
  start: () => WorkerLike;
  /** The worker stopped (it was ended, or died); `detail` says why, for the log. */
  onStopped: (detail: string) => void;
}

export interface WorkerThread<Remote extends CallMap, RemoteEvents extends EventMap, LocalEvents extends EventMap> {
  /** The channel to the running worker, started on first use and again after one stopped. */
  channel(): ThreadChannel<Remote, RemoteEvents, LocalEvents>;
  /** Ends the running worker: its calls settle with `stopped`. */
  end(detail: string): void;
  readonly running: boolean;
}

/** An ErrorEvent in words: where the worker threw, never the value itself. */
const describeWorkerError = (event: Event): string => {
  const error = event as Partial<ErrorEvent>;
  if (typeof error.message === 'string' && error.message !== '') return `${error.message}${error.filename ? ` (${error.filename}:${error.lineno ?? 0})` : ''}`;
  return event.type === 'messageerror' ? 'a message from the worker could not be read' : 'the worker could not start or stopped';
};

export const createWorkerThread = <Remote extends CallMap, RemoteEvents extends EventMap = EventMap, LocalEvents extends EventMap = EventMap, Local extends CallMap = CallMap>(
  options: WorkerThreadOptions<Local>,
): WorkerThread<Remote, RemoteEvents, LocalEvents> => {
  let current: { worker: WorkerLike; channel: ThreadChannel<Remote, RemoteEvents, LocalEvents> } | null = null;

  const stop = (worker: WorkerLike, detail: string) => {
    if (current?.worker !== worker) return;
    const { channel } = current;
    current = null;
    worker.terminate();
    channel.stop(detail);
    options.onStopped(detail);
  };

  const start = () => {
    const worker = options.start();
    const channel = createThreadChannel<Remote, Local, RemoteEvents, LocalEvents>(worker, options);
    const onFailure = (event: Event) => {
      // Handled here (ended and logged by the owner), so the browser does not report it a second time.
      event.preventDefault();
      stop(worker, describeWorkerError(event));
    };
    worker.addEventListener('error', onFailure);
    worker.addEventListener('messageerror', onFailure);
    current = { worker, channel };
    return current;
  };

  return {
    channel: () => (current ?? start()).channel,
    end: (detail) => {
      if (current !== null) stop(current.worker, detail);
    },
    get running() {
      return current !== null;
    },
  };
};
