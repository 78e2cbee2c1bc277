// `npm run web`'s server sends web mode's security headers with every answer: the page and each worker
// script carry the policy (a worker takes its own from its response), with frame-ancestors and nosniff,
// which a meta tag cannot give. The build's hashed files are kept for good, the page asked for each
// time. The build's `_headers` file says the same for static hosts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webContentSecurityPolicyHeader, webSecurityHeaders } from '../../shared/contentSecurityPolicy';
import { staticHostHeadersFile } from '../../scripts/staticHostHeaders';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer';

let folder: string;
let server: StaticServer;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'field-news-web-'));
  mkdirSync(path.join(folder, 'assets'));
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>Field News</title>');
  writeFileSync(path.join(folder, 'assets', 'sync.worker-test.js'), 'self.postMessage("ready");');
  server = await startStaticServer(folder);
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const expectSecurityHeaders = (response: Response) => {
  const policy = response.headers.get('content-security-policy');
  expect(policy).toBe(webContentSecurityPolicyHeader);
  expect(policy?.split(';').map((directive) => directive.trim())).toContain("frame-ancestors 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("require-trusted-types-for 'script'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
};

describe('the web mode server', () => {
  it('is on 127.0.0.1, the one plain-http address browsers count as secure', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('sends the policy as a header with the page, where frame-ancestors works', async () => {
    const page = await fetch(server.url);
    // Every body is read to its end: one left streaming would count its bytes in a later test's figure.
    await page.arrayBuffer();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);
  });

  it('sends the same policy with a worker script, which takes its policy from its own response', async () => {
    const worker = await fetch(new URL('assets/sync.worker-test.js', server.url));
    await worker.arrayBuffer();
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(worker);
  });

  it('gzips text for a browser that asks, as static hosts do, and counts the bytes it sent', async () => {
    const before = server.bytesSent();
    const script = 'self.postMessage("ready");';
    // Node's fetch asks for gzip and undoes it, so the body reads as the file.
    const worker = await fetch(new URL('assets/sync.worker-test.js', server.url));
    expect(worker.headers.get('content-encoding')).toBe('gzip');
    expect(await worker.text()).toBe(script);
    const sent = server.bytesSent() - before;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(script.length + 30);
    const plain = await fetch(new URL('assets/sync.worker-test.js', server.url), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(script.length));
    expect(await plain.text()).toBe(script);
  });

  it('answers a file asked again with its validator by 304 and no body, as static hosts do', async () => {
    const first = await fetch(new URL('assets/sync.worker-test.js', server.url));
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const before = server.bytesSent();
    const again = await fetch(new URL('assets/sync.worker-test.js', server.url), { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(server.bytesSent()).toBe(before);
    expectSecurityHeaders(again);
  });

  it('lets the browser keep the build’s hashed files for good, and asks it to check the page every time', async () => {
    // Asked for again at each start, the window's script was compiled afresh each time in Chromium
    // 156; kept for good, its compiled code is read back (issue 24).
    const worker = await fetch(new URL('assets/sync.worker-test.js', server.url));
    await worker.arrayBuffer();
    expect(worker.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const again = await fetch(new URL('assets/sync.worker-test.js', server.url), { headers: { 'if-none-match': worker.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const address of ['', 'index.html']) {
      const page = await fetch(new URL(address, server.url));
      await page.arrayBuffer();
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('sends it with a "not found" too', async () => {
    const missing = await fetch(new URL('assets/nothing.js', server.url));
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe('the build’s _headers file for static hosts', () => {
  it('gives every path the same headers as the server', () => {
    const lines = staticHostHeadersFile(webSecurityHeaders).split('\n');
    const rule = lines.indexOf('/*');
    const hashedFiles = lines.indexOf('/assets/*');
    expect(rule).toBeGreaterThanOrEqual(0);
    expect(hashedFiles).toBeGreaterThan(rule);
    expect(lines.slice(rule + 1, hashedFiles)).toEqual([
      `  Content-Security-Policy: ${webContentSecurityPolicyHeader}`,
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: no-referrer',
    ]);
  });

  it('lets the hashed files be kept for good, as the server does', () => {
    const lines = staticHostHeadersFile(webSecurityHeaders).split('\n');
    const hashedFiles = lines.indexOf('/assets/*');
    expect(lines.slice(hashedFiles + 1).filter((line) => line !== '')).toEqual(['  Cache-Control: public, max-age=31536000, immutable']);
  });
});
