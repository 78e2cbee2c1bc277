// Builds the renderer. A relative base lets the same build load from app:// in Electron
// and from any static server in a browser (web mode).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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
 * The chunks the window loads by `import()` are preloaded by index.html: its start steps (main.tsx), fetched
 * beside the entry rather than one after another, and those it loads on first use (the dialogs, the map),
 * fetched and compiled while the first screen is drawn but run only when opened. So they open without a
 * wait, and a web-mode window whose network goes right after it loaded still opens Settings.
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

/**
 * Web mode as an installable app (issue 25): the manifest, and a service worker that keeps the whole
 * build (the app, its workers, the gazetteer, the map's borders, the sample) so the app opens with no
 * network. A new version waits for the person's Reload (renderer/window/webApp/); the desktop app
 * never registers it. The worker's runtime is inlined: under Trusted Types an importScripts of it
 * would be refused.
 */
const installableWebApp = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    // The icons and the manifest are in the precache by the patterns below, once each.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Field News',
      short_name: 'Field News',
      description: 'Regional news for field staff, kept for offline reading and found by place.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      // The light theme's accent and paper; the dark theme's colours are in index.html's theme-color metas.
      theme_color: '#1f5fa8',
      background_color: '#fbfbf8',
      categories: ['news'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,svg,png}'],
      // The gazetteer is 2.1 MB: the place search offline needs it whole.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), preloadOnDemandChunks(), installableWebApp()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
    // One stylesheet: the map's 2 KB of rules must not wait for the network when the map first opens.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // The window starts in steps (renderer/window/main.tsx), each a chunk evaluated in its own task:
        // React with the message formatter, then Dexie, then the database and the window. Left to
        // itself the bundler put modules of later steps into the chunk of the first.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-intl|@formatjs|intl-messageformat)[\\/]/, priority: 20 },
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
});
