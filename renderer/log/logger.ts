// A batching logger for the renderer and its workers: calls are cheap and synchronous, entries go
// to a sink (the bridge, or a channel to the window) a batch at a time.
//
// The rule for every caller: a log line names what happened — a feed's address, a failure reason,
// a count, a duration — and NEVER the text of a news item (no title, summary, content or search
// words): the log is handed to support, and news about people on the move can put them at risk.
import { logLimits, type LogEntry, type LogLevel } from '../../shared/logEntry';

export interface LogSink {
  /** Stores a batch (at most `logLimits.entriesPerCall` entries); rejects or throws when it cannot. */
  write(entries: LogEntry[]): Promise<void>;
}

export interface Logger {
  debug(scope: string, message: string): void;
  info(scope: string, message: string): void;
  warn(scope: string, message: string, thrown?: unknown): void;
  error(scope: string, message: string, thrown?: unknown): void;
  /** Sends what is waiting now (before a window closes, and in tests). */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  clock?: () => Date;
  /** How long an entry may wait for others to join its batch. */
  flushDelayMs?: number;
  /** Past this many waiting entries (a sink that cannot keep up, or fails), the oldest are dropped and counted. */
  maxWaiting?: number;
  /** Where the logger says that its sink failed: it cannot log that to itself. */
  onSinkFailure?: (thrown: unknown) => void;
}

/** Scopes are short words ("sync", "search", "backup"), as the shell's check requires. */
const scopeOf = (scope: string): string => scope.replace(/[^\w.:-]/g, '-').slice(0, logLimits.scopeCharacters) || 'app';

/** Cut early, so a runaway message does not sit in memory until the shell cuts it. */
const messageOf = (message: string): string =>
  message.length > logLimits.messageCharacters ? `${message.slice(0, logLimits.messageCharacters)}… (cut)` : message;

/** A thrown value in words: its name and message, and the top of its stack. Never the value itself (it may hold item text). */
export const describeError = (thrown: unknown): string => {
  if (thrown instanceof Error) {
    const stack = thrown.stack?.split('\n').slice(1, 6).map((line) => line.trim()).join(' | ');
    return `${thrown.name}: ${thrown.message}${stack ? ` @ ${stack}` : ''}`;
  }
  return `a thrown ${thrown === null ? 'null' : typeof thrown}`;
};

export const createLogger = (sink: LogSink, options: LoggerOptions = {}): Logger => {
  const clock = options.clock ?? (() => new Date());
  const flushDelayMs = options.flushDelayMs ?? 1_000;
  const maxWaiting = options.maxWaiting ?? 2_000;
  const onSinkFailure = options.onSinkFailure ?? ((thrown: unknown) => console.warn('Field News could not write its log', thrown));
  let waiting: LogEntry[] = [];
  let dropped = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fullBatchQueued = false;
  let sending: Promise<void> = Promise.resolve();

  const send = async (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    fullBatchQueued = false;
    if (dropped > 0) {
      waiting.unshift({ level: 'warn', scope: 'log', message: `${dropped} earlier log lines were dropped: the log could not keep up`, at: clock().toISOString() });
      dropped = 0;
    }
    while (waiting.length > 0) {
      const batch = waiting.slice(0, logLimits.entriesPerCall);
      waiting = waiting.slice(batch.length);
      try {
        await sink.write(batch);
      } catch (thrown) {
        // These lines are lost; the failure itself goes where it can be seen (the console).
        onSinkFailure(thrown);
      }
    }
  };

  /** One send at a time, in order; a flush waits for the sends before it. */
  const flush = (): Promise<void> => {
    sending = sending.then(send);
    return sending;
  };

  const add = (level: LogLevel, scope: string, message: string) => {
    waiting.push({ level, scope: scopeOf(scope), message: messageOf(message), at: clock().toISOString() });
    if (waiting.length > maxWaiting) {
      const excess = waiting.length - maxWaiting;
      waiting = waiting.slice(excess);
      dropped += excess;
    }
    if (waiting.length >= logLimits.entriesPerCall) {
      if (!fullBatchQueued) void flush();
      fullBatchQueued = true;
    } else timer ??= setTimeout(() => void flush(), flushDelayMs);
  };

  const withError = (message: string, thrown: unknown) => (thrown === undefined ? message : `${message}: ${describeError(thrown)}`);

  return {
    debug: (scope, message) => add('debug', scope, message),
    info: (scope, message) => add('info', scope, message),
    warn: (scope, message, thrown) => add('warn', scope, withError(message, thrown)),
    error: (scope, message, thrown) => add('error', scope, withError(message, thrown)),
    flush,
  };
};
