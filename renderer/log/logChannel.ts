// How worker log lines reach the window: workers cannot call the bridge (it lives on the window),
// so they post batches on a BroadcastChannel and one window forwards them to the shell's log.
import { checkLogEntries, type LogEntry } from '../../shared/logEntry';
import type { LogSink } from './logger';

export const logChannelName = 'field-news-log';

/** The part of a BroadcastChannel the log uses (a fake one in tests). */
export interface LogChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface WorkerLogBatch {
  type: 'field-news-log';
  entries: LogEntry[];
}

/** A sink that posts each batch on the channel (in a worker). */
export const channelSink = (channel: Pick<LogChannel, 'postMessage'>): LogSink => ({
  write: (entries) => {
    const batch: WorkerLogBatch = { type: 'field-news-log', entries };
    channel.postMessage(batch);
    return Promise.resolve();
  },
});

export interface LogForwarderOptions {
  channel: LogChannel;
  /** Where forwarded lines go (the window's bridge). */
  sink: LogSink;
  /**
   * Runs `hold` while this window holds the forwarding lock (navigator.locks in the app): with two
   * windows or tabs open, every worker line reaches the log once, not once per window.
   */
  holdLock: (hold: () => Promise<void>) => void;
  onForwardFailure?: (thrown: unknown) => void;
}

/** Starts forwarding worker lines; returns the function that stops it. */
export const startLogForwarder = (options: LogForwarderOptions): (() => void) => {
  let holding = false;
  let release: () => void = () => undefined;
  let stopped = false;
  options.holdLock(
    () =>
      new Promise<void>((resolve) => {
        holding = !stopped;
        release = resolve;
        if (stopped) resolve();
      }),
  );
  options.channel.addEventListener('message', (event) => {
    if (!holding) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'field-news-log' || !('entries' in data)) return;
    // Any page or worker of this origin can post on the channel: its lines are checked like any outside data.
    const entries = checkLogEntries(data.entries);
    if (!entries.ok) return;
    options.sink.write(entries.value).catch(options.onForwardFailure ?? ((thrown: unknown) => console.warn('Field News could not forward worker log lines', thrown)));
  });
  return () => {
    stopped = true;
    holding = false;
    release();
    options.channel.close();
  };
};
