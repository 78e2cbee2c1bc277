// The log for code running in a worker (the sync and search workers): the same calls as the
// window's `log`, batched and posted to the window, which forwards them to the shell's log.
// Same rule as everywhere: name what happened, never the text of a news item.
//
//   import { workerLog } from '../log/workerLog';
//   workerLog.warn('sync', `${feedUrl}: page 3 refused (${reason})`);
import { channelSink, logChannelName, type LogChannel } from './logChannel';
import { createLogger, type Logger, type LoggerOptions } from './logger';

/** A worker logger posting on `channel`. Short batching delay: a worker may be ended at any time. */
export const createWorkerLog = (channel: Pick<LogChannel, 'postMessage'>, options: LoggerOptions = {}): Logger =>
  createLogger(channelSink(channel), { flushDelayMs: 200, ...options });

let shared: Logger | null = null;
/** The channel is opened on the first line, so importing this module costs nothing. */
const workerLogger = (): Logger => (shared ??= createWorkerLog(new BroadcastChannel(logChannelName)));

export const workerLog: Logger = {
  debug: (scope, message) => workerLogger().debug(scope, message),
  info: (scope, message) => workerLogger().info(scope, message),
  warn: (scope, message, thrown) => workerLogger().warn(scope, message, thrown),
  error: (scope, message, thrown) => workerLogger().error(scope, message, thrown),
  flush: () => (shared ? shared.flush() : Promise.resolve()),
};

/** What a worker's global scope offers for its own uncaught failures. */
interface WorkerFailureEvents {
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

/**
 * Call first in every worker entry: an uncaught error or an unhandled rejection in the worker goes
 * to the log with its cause (the window sees only that a worker died, if it dies at all).
 */
export const installWorkerErrorLog = (scope: string, worker: WorkerFailureEvents = globalThis): void => {
  worker.addEventListener('error', (event) => workerLog.error(scope, `Uncaught error in the ${scope} worker`, event.error ?? event.message));
  worker.addEventListener('unhandledrejection', (event) => workerLog.error(scope, `Unhandled rejection in the ${scope} worker`, event.reason));
};
