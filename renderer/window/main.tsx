// Renderer entry: mounts the app.
import './startTrustedTypes';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SecureContextGate } from './components/InsecureContextNotice';
import { bridge } from './bridge';
import { installLinkHandler } from './externalLinks';
import { IntlRoot } from './i18n/IntlRoot';
import { startRendererLog } from './log';
import './styles.css';

startRendererLog();
installLinkHandler(document, (url) => void bridge.openExternalLink(url));

const root = document.getElementById('root');
if (root) {
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
}
