// Serves the renderer build from app://field-news/ instead of file://, as Electron's security guide
// advises: one fixed origin (which keys the IndexedDB that holds the news), no access to other files,
// and the Content-Security-Policy sent as a header with every response.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appHost, appScheme } from '../shared/appIdentity';
import { electronContentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { mainLog } from './mainLog';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before the app is ready: makes app:// a standard, secure origin that may use fetch and
 * IndexedDB, and lets V8 keep the compiled code of its scripts (Electron caches code for http(s)
 * only unless a scheme asks): without it every start parses the window's 800 KB bundle afresh, which
 * took 111 ms of a 393 ms start in a web-mode trace on the slower test machine (issue 24).
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
};

/**
 * The file inside `rendererFolder` that an app:// address names, or null when the address is not
 * ours or would escape the folder ("app://field-news/../../etc/passwd").
 */
export const resolveAppFile = (address: string, rendererFolder: string): string | null => {
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null; // A malformed %-escape names no file; the caller answers 404.
  }
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererFolder);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file === root || !file.startsWith(root + path.sep) ? null : file;
};

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

export const serveAppProtocol = (rendererFolder: string): void => {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(request.url, rendererFolder);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': electronContentSecurityPolicy,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch (thrown) {
      // The page asked for a file the build does not have: worth a line, since the app may look broken.
      mainLog.warn('app-protocol', `No file for ${new URL(request.url).pathname}`, thrown);
      return notFound();
    }
  });
};
