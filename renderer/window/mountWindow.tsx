// The last of the window's start steps (main.tsx): starts its log and link handling and mounts its
// React tree on #root.
import { StrictMode } from 'react';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SecureContextGate } from './components/InsecureContextNotice';
import { bridge } from './bridge';
import { installLinkHandler } from './externalLinks';
import { IntlRoot } from './i18n/IntlRoot';
import { startRendererLog } from './log';
import type { createRoot as CreateRoot } from './windowLibraries';

/** `createRoot` comes from the first step, whose module is already evaluated. */
export const mountWindow = (createRoot: typeof CreateRoot) => {
  startRendererLog();
  installLinkHandler(document, (url) => void bridge.openExternalLink(url));
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <IntlRoot>
          {/* Plain http from another computer has no Web Locks: a notice says so instead of a broken app. */}
          <SecureContextGate>
            <App />
          </SecureContextGate>
        </IntlRoot>
      </ErrorBoundary>
    </StrictMode>,
  );
};
