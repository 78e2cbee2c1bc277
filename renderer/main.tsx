// Renderer entry: mounts the app.
import './startTrustedTypes';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { bridge } from './bridge';
import { installLinkHandler } from './externalLinks';
import './styles.css';

installLinkHandler(document, (url) => void bridge.openExternalLink(url));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
