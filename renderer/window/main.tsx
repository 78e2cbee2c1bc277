// Renderer entry. The Trusted Types policy and the styles come at once; the rest of the window's script
// runs in steps, each evaluated in a task of its own: React and the message formatter, Dexie, the
// database, then the window. Evaluated whole, the script held the page for 61 to 128 ms in one task on
// every start in a fresh process (each desktop start), on the slower 2-core machine (issue 24).
import './startTrustedTypes';
import './styles.css';
import { showStartFailure } from './startFailure';

const startWindow = async () => {
  const { createRoot } = await import('./windowLibraries');
  await import('dexie');
  await import('./database');
  const { mountWindow } = await import('./mountWindow');
  mountWindow(createRoot);
};

startWindow().catch((error: unknown) => {
  // The window's log starts with the window (mountWindow): before it, the console is the only record.
  console.error('Field News could not start', error);
  const root = document.getElementById('root');
  if (root) showStartFailure(root, error, navigator.language);
});
