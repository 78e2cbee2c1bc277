// Builds the renderer. A relative base lets the same build load from app:// in Electron
// and from any static server in a browser (web mode).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { webContentSecurityPolicy, webSecurityHeaders } from './shared/contentSecurityPolicy';
import { staticHostHeadersFile } from './scripts/staticHostHeaders';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The web build carries its policy in a meta tag (any static host) and, for hosts that read a `_headers`
 * file, as headers with `frame-ancestors` and nosniff, which a meta tag cannot carry; `npm run web` sends
 * those headers itself. In Electron the main process also sends a stricter header.
 */
const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'field-news-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: webContentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeadersFile(webSecurityHeaders) });
  },
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
  },
  worker: { format: 'es' },
});
