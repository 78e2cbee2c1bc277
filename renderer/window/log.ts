// The window's log: `log.info('sync', '…')` and friends, batched to the shell's diagnostics log
// (Electron: the main process's log file; web mode: the IndexedDB `logs` table, which this module
// registers as the web bridge's log store). Rule: never the text of a news item (see logger.ts).
import { bridge, setWebLogStore } from './bridge';
import { db } from './database';
import { createLogRepository } from '../db/logRepository';
import { logChannelName, startLogForwarder } from '../log/logChannel';
import { createLogger, type LogSink } from '../log/logger';
import { englishText } from '../../shared/i18n/formatMessages';

const bridgeSink: LogSink = {
  write: async (entries) => {
    const written = await bridge.writeLog(entries);
    if (!written.ok) throw new Error(englishText(written.error));
  },
};

export const log = createLogger(bridgeSink);

let started = false;

/**
 * Call once as the window starts: opens web mode's log store, forwards the workers' lines, logs
 * uncaught errors, and sends what is waiting when the window is hidden or closed.
 */
export const startRendererLog = (): void => {
  if (started) return;
  started = true;
  // In Electron the bridge is the preload's and never calls this store; registering it costs nothing.
  const repository = createLogRepository(db);
  setWebLogStore({ write: (entries) => repository.appendLog(entries), lastLines: (count) => repository.lastLogLines(count) });
  startLogForwarder({
    channel: new BroadcastChannel(logChannelName),
    sink: bridgeSink,
    holdLock: (hold) => {
      if (!('locks' in navigator)) return void hold();
      void navigator.locks.request('field-news-log-forwarder', hold);
    },
  });
  window.addEventListener('error', (event) => log.error('ui', 'Uncaught error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => log.error('ui', 'Unhandled rejection', event.reason));
  window.addEventListener('pagehide', () => void log.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void log.flush();
  });
  log.info('app', `Window started (${__APP_VERSION__})`);
};
