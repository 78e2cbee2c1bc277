import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronContentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { fakeElectron, protocolHandlers } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerAppScheme, resolveAppFile, serveAppProtocol } = await import('../../electron/appProtocol');

// The renderer folder sits inside a temporary folder of its own, beside a file it must never serve.
const root = path.join(mkdtempSync(path.join(tmpdir(), 'field-news-protocol-')), 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Field News</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(root, '..', 'secret.txt'), 'not for the page');

const get = (url: string) => {
  const handler = protocolHandlers.get('app');
  if (!handler) throw new Error('app:// is not served');
  return handler(new Request(url));
};

beforeAll(() => serveAppProtocol(root));

describe('the app:// protocol', () => {
  it('registers app:// as a standard, secure scheme whose scripts keep their compiled code', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) as unknown }),
    ]);
  });

  it('serves the renderer with the Content-Security-Policy header and the right type', async () => {
    const page = await get('app://field-news/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(electronContentSecurityPolicy);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Field News</title>');
    expect((await get('app://field-news/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://field-news/')).status).toBe(200);
  });

  it.each([
    'app://field-news/../secret.txt',
    'app://field-news/%2e%2e/secret.txt',
    'app://field-news/assets/%2e%2e/%2e%2e/secret.txt',
    'app://field-news/%00index.html',
    'app://other-host/index.html',
    'app://field-news/missing.js',
  ])('answers 404 for %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('never resolves outside the renderer folder', () => {
    expect(resolveAppFile('app://field-news/%2e%2e%2fsecret.txt', root)).toBeNull();
    expect(resolveAppFile('https://field-news/index.html', root)).toBeNull();
    expect(resolveAppFile('app://field-news/assets/app.js', root)).toBe(path.join(root, 'assets', 'app.js'));
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only the app itself: no inline script, no eval, no remote connections', () => {
    expect(electronContentSecurityPolicy).toContain("script-src 'self'");
    expect(electronContentSecurityPolicy).toContain("default-src 'none'");
    expect(electronContentSecurityPolicy).toContain("connect-src 'self'");
    expect(electronContentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
