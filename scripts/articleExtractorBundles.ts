// For scripts/compareArticleExtractors.ts: what each article extractor adds to a browser worker
// bundle (built with Vite for the browser, minified, then gzipped; a Node-only import fails the
// build), and whether the bundle runs in a real browser worker (Debian's Chromium, a module worker
// with no DOM), reading one page of the corpus there.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';

const root = path.resolve(import.meta.dirname, '..');

export interface BundleSize {
  minified: number;
  gzipped: number;
}

/** A module made of `code`, as the entry of a build. */
const entryModule = (code: string): Plugin => ({
  name: 'article-extractor-entry',
  // Library mode makes the entry a path under the root; the name at its end is what counts.
  resolveId: (id) => (id.endsWith('virtual:entry') ? '\0virtual:entry' : null),
  load: (id) => (id === '\0virtual:entry' ? code : null),
});

const chunksOf = (output: unknown): string[] => {
  const results = Array.isArray(output) ? (output as unknown[]) : [output];
  return results.flatMap((result) => {
    const files = (result as { output?: unknown[] }).output ?? [];
    return files.flatMap((file) => {
      const code = (file as { code?: unknown }).code;
      return typeof code === 'string' ? [code] : [];
    });
  });
};

/** `code` bundled for a browser worker as one minified ES module. */
export const bundleForWorker = async (code: string): Promise<string> => {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [entryModule(code)],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'virtual:entry', formats: ['es'], fileName: 'entry' },
    },
  });
  return chunksOf(output).join('\n');
};

export const sizeOf = (bundle: string): BundleSize => ({ minified: Buffer.byteLength(bundle), gzipped: gzipSync(bundle, { level: 9 }).length });

/** The worker entries run in the browser: each reads the page it is sent and answers with the length of the text it found. */
export const workerEntries: Record<string, string> = {
  readability: `import { DOMParser } from 'linkedom/worker';
import { Readability } from '@mozilla/readability';
self.onmessage = ({ data }) => {
  const document = new DOMParser().parseFromString(data.html, 'text/html');
  self.postMessage(new Readability(document).parse()?.textContent?.length ?? -1);
};`,
  defuddle: `import { DOMParser } from 'linkedom/worker';
import Defuddle from 'defuddle';
self.onmessage = ({ data }) => {
  const document = new DOMParser().parseFromString(data.html, 'text/html');
  self.postMessage(new Defuddle(document, { url: data.url }).parse().content.length);
};`,
  extractArticle: `import { extractArticle } from '/renderer/workers/articles/extractArticle.ts';
self.onmessage = ({ data }) => {
  const result = extractArticle({ bytes: new TextEncoder().encode(data.html), contentType: 'text/html', url: data.url }, 0);
  self.postMessage(result.ok ? result.article.length : result.reason);
};`,
};

/** Size-only entries: each library on its own (linkedom is needed by both extractors). */
export const libraryEntries: Record<string, string> = {
  'linkedom/worker': `export { DOMParser } from 'linkedom/worker';`,
  '@mozilla/readability': `export { Readability, isProbablyReaderable } from '@mozilla/readability';`,
  defuddle: `export { default } from 'defuddle';`,
};

/** A blank page on 127.0.0.1: a worker needs an origin (about:blank has none to start one from). */
const startBlankPage = async (): Promise<{ url: string; close: () => void }> => {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>workers</title>'));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
};

/** Runs each bundled worker in Chromium on `html`; what each answered, or why it could not run. null: no Chromium here. */
export const runInBrowserWorkers = async (bundles: Record<string, string>, html: string, url: string): Promise<Record<string, string> | null> => {
  if (!existsSync(chromiumPath)) return null;
  const blank = await startBlankPage();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(blank.url);
    const answers: Record<string, string> = {};
    for (const [name, code] of Object.entries(bundles)) {
      answers[name] = await page.evaluate(
        async ({ source, message }) => {
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
          const answer = await new Promise<string>((resolve) => {
            worker.onmessage = (event: MessageEvent<unknown>) => resolve(`ran: ${String(event.data)}`);
            worker.onerror = (event) => resolve(`failed: ${event.message}`);
            worker.postMessage(message);
          });
          worker.terminate();
          return answer;
        },
        { source: code, message: { html, url } },
      );
    }
    return answers;
  } finally {
    await browser.close();
    blank.close();
  }
};
