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

/**
 * The chunks the window loads on first use (the dialogs, the map) are preloaded by index.html: fetched and
 * compiled while the first screen is drawn, but run only when opened. So they open without a wait, and a
 * web-mode window whose network goes right after it loaded still opens Settings.
 */
const preloadOnDemandChunks = (): Plugin => ({
  name: 'field-news-preload-on-demand',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, context) => {
      const chunks = new Map(Object.values(context.bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output] as const] : [])));
      // Each on-demand chunk with the chunks it imports in turn: a preload fetches one module, not its imports.
      const wanted = new Set<string>();
      const want = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (chunk === undefined || chunk.isEntry || wanted.has(fileName)) return;
        wanted.add(fileName);
        chunk.imports.forEach(want);
      };
      for (const chunk of chunks.values()) if (chunk.isDynamicEntry) want(chunk.fileName);
      return [...wanted].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' as const }));
    },
  },
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), preloadOnDemandChunks()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
    // One stylesheet: the map's 2 KB of rules must not wait for the network when the map first opens.
    cssCodeSplit: false,
  },
  worker: { format: 'es' },
});
