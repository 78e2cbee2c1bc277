// Renderer entry. The Trusted Types policy and the styles come at once; the rest of the window's start
// runs in steps, each in a task of its own: React and the message formatter, the locale data, Dexie,
// the database, then the window. Evaluated whole, the script held the page for 61 to 128 ms in one
// task on every start in a fresh process (each desktop start), on a 2-core machine (issue 24).
import './startTrustedTypes';
import './styles.css';
import { showStartFailure } from './startFailure';

/** Lets the page paint and answer input between two steps. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const startWindow = async () => {
  const { createRoot } = await import('./windowLibraries');
  await nextTask();
  // The first Intl call of a process loads ICU's locale data: 21 to 25 ms in a fresh one, which the
  // message formatter's first check of the locale (inside the first render) paid before. The load is
  // the same for any locale; the interface's two are asked, which are always well-formed tags.
  Intl.NumberFormat.supportedLocalesOf(['en', 'es']);
  Intl.DateTimeFormat.supportedLocalesOf(['en', 'es']);
  await nextTask();
  await import('dexie');
  await nextTask();
  await import('./database');
  await nextTask();
  const { mountWindow } = await import('./mountWindow');
  mountWindow(createRoot);
};

/** The failure in the window's log, for Copy diagnostics; the log needs the database's step (web mode's store). */
const logStartFailure = async (error: unknown) => {
  const { log, startRendererLog } = await import('./log');
  startRendererLog();
  log.error('app', 'The window could not start', error);
  await log.flush();
};

startWindow().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) showStartFailure(root, error, navigator.language);
  // When the log's own files are what failed, the notice on screen, with the error, is the only record left.
  logStartFailure(error).catch(() => undefined);
});
