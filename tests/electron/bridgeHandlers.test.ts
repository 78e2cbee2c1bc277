import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { bridgeChannels } from '../../shared/bridge';
import { fakeElectron, ipcEventFrom, ipcHandlers } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerBridgeHandlers } = await import('../../electron/bridgeHandlers');

const call = (channel: string, event: unknown, ...args: unknown[]) => {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
};
const fromApp = ipcEventFrom('app://field-news/index.html');

beforeEach(() => {
  ipcHandlers.clear();
  fakeElectron.shell.openExternal.mockClear();
  registerBridgeHandlers();
});

describe('bridge handlers', () => {
  it('register one handler per message of the contract', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(bridgeChannels).sort());
  });

  it('answer the app page with its version and platform', async () => {
    expect(await call(bridgeChannels.getAppInfo, fromApp)).toMatchObject({
      ok: true,
      value: { name: 'Field News', version: '1.2.3', shell: 'electron', platform: process.platform },
    });
  });

  it.each([
    ['a web page', ipcEventFrom('https://evil.example/index.html')],
    ['a file page', ipcEventFrom('file:///home/officer/page.html')],
    ['a frame inside the app', ipcEventFrom('app://field-news/index.html', { subframe: true })],
    ['a destroyed frame', ipcEventFrom(null)],
    ['a look-alike host', ipcEventFrom('app://field-news.evil/index.html')],
  ])('refuse a call from %s', async (_name, event) => {
    expect(await call(bridgeChannels.getAppInfo, event)).toEqual({ ok: false, error: expect.stringMatching(/Refused/) as unknown });
    expect(await call(bridgeChannels.openExternalLink, event, 'https://example.org/')).toMatchObject({ ok: false });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('open an https link in the system browser', async () => {
    expect(await call(bridgeChannels.openExternalLink, fromApp, 'https://www.iom.int/news')).toEqual({ ok: true, value: null });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://www.iom.int/news');
  });

  it.each([
    ['a file: link', 'file:///etc/passwd', /"file"/],
    ['a javascript: link', 'javascript:alert(1)', /"javascript"/],
    ['a custom scheme', 'ms-msdt:/id', /"ms-msdt"/],
    ['a number', 42, /not text/],
    ['nothing', undefined, /not text/],
    ['an object', { toString: () => 'https://example.org' }, /not text/],
    ['a malformed address', 'https//missing-colon', /not a well-formed/],
  ])('refuse %s as an external link, opening nothing', async (_name, argument, message) => {
    const result = (await call(bridgeChannels.openExternalLink, fromApp, argument)) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(message);
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('the feed download handler', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({ file: 'renderer/public/feeds/iom-regional-news-2021.json' });
  });
  afterAll(() => server.close());

  it('downloads a feed over HTTP in the main process, with the app User-Agent', async () => {
    const result = (await call(bridgeChannels.fetchFeedDocument, fromApp, { url: server.url, feedUrl: server.url, validators: null })) as {
      ok: boolean;
      value: { kind: string; bytes: Uint8Array };
    };
    expect(result.ok).toBe(true);
    expect(result.value.kind).toBe('fetched');
    expect(JSON.parse(new TextDecoder().decode(result.value.bytes))).toMatchObject({ title: 'IOM Regional News' });
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/^FieldNews\/1\.2\.3/);
  });

  it.each([
    ['no request', undefined],
    ['a bare address', 'https://example.org/feed.json'],
    ['validators of the wrong type', { url: 'https://example.org/feed.json', feedUrl: 'https://example.org/feed.json', validators: { etag: 5, lastModified: null, contentHash: null } }],
    ['an address that is far too long', { url: `https://example.org/${'a'.repeat(5000)}`, validators: null }],
  ])('refuses %s without making a request', async (_name, request) => {
    fakeElectron.net.request.mockClear();
    expect(await call(bridgeChannels.fetchFeedDocument, fromApp, request)).toMatchObject({ ok: false });
    expect(fakeElectron.net.request).not.toHaveBeenCalled();
  });

  it('refuses a file: address', async () => {
    fakeElectron.net.request.mockClear();
    expect(await call(bridgeChannels.fetchFeedDocument, fromApp, { url: 'file:///etc/passwd', feedUrl: 'file:///etc/passwd', validators: null })).toMatchObject({
      ok: false,
      reason: 'bad-address',
    });
    expect(fakeElectron.net.request).not.toHaveBeenCalled();
  });

  it('refuses a download asked for by a foreign page', async () => {
    fakeElectron.net.request.mockClear();
    const event = ipcEventFrom('https://evil.example/');
    expect(await call(bridgeChannels.fetchFeedDocument, event, { url: server.url, feedUrl: server.url, validators: null })).toMatchObject({ ok: false });
    expect(fakeElectron.net.request).not.toHaveBeenCalled();
  });
});
