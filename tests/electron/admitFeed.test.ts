// A feed inside the person's network is allowed there only when they say so, in a dialog of the main
// process, once, as they add it; the choice is kept in the main process's own file and survives a
// restart; a public feed needs nothing, and a damaged or hostile list allows nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { allowInsideNetwork, fakeElectron, ipcEventFrom, ipcHandlers } from './fakeElectron';
import { resolverOf } from './testNetwork';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { admitFeed } = await import('../../electron/admitFeed');
const { openFeedsInsideNetwork, mostFeedsInsideNetwork } = await import('../../electron/feedsInsideNetwork');
const { registerBridgeHandlers } = await import('../../electron/bridgeHandlers');
const { startMainLog } = await import('../../electron/mainLog');

const dns = { 'news.example.org': ['93.184.216.34'], 'intranet.example.org': ['10.0.0.7'], 'mixed.example.org': ['93.184.216.35', '192.168.1.1'] };
let listFile: string;
beforeEach(() => {
  startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-admit-log-')), toConsole: false });
  listFile = path.join(mkdtempSync(path.join(tmpdir(), 'field-news-admit-')), 'feeds-inside-network.json');
});

const deskWith = (answer: boolean) => {
  const confirm = vi.fn(() => Promise.resolve(answer));
  const feedsInsideNetwork = openFeedsInsideNetwork(listFile);
  return { desk: { resolveHost: resolverOf(dns), feedsInsideNetwork, confirm }, confirm, feedsInsideNetwork };
};

describe('admitting a feed', () => {
  it('lets a public feed in without asking, and allows it nothing inside', async () => {
    const { desk, confirm, feedsInsideNetwork } = deskWith(true);
    expect(await admitFeed('https://news.example.org/feed.json', desk)).toEqual({ ok: true, value: { reach: 'public', newlyAllowed: false } });
    expect(confirm).not.toHaveBeenCalled();
    expect(feedsInsideNetwork.isAllowed('https://news.example.org/feed.json')).toBe(false);
  });

  it.each([
    ['an intranet name', 'http://intranet.example.org/rss', 'intranet.example.org', '10.0.0.7'],
    ['a name with one public and one private address', 'http://mixed.example.org/rss', 'mixed.example.org', '192.168.1.1'],
    ['this computer', 'http://127.0.0.1:8080/feed.json', '127.0.0.1', '127.0.0.1'],
  ])('asks before allowing a feed on %s, keeps the answer, and asks only once', async (_name, url, host, address) => {
    const { desk, confirm } = deskWith(true);
    expect(await admitFeed(url, desk)).toEqual({ ok: true, value: { reach: 'inside-network', newlyAllowed: true } });
    expect(confirm).toHaveBeenCalledWith({ url: new URL(url).href, host, address });
    expect(await admitFeed(url, desk)).toEqual({ ok: true, value: { reach: 'inside-network', newlyAllowed: false } });
    expect(confirm).toHaveBeenCalledTimes(1);
    // A restart reads the same file.
    expect(openFeedsInsideNetwork(listFile).isAllowed(url)).toBe(true);
  });

  it('refuses, and remembers nothing, when the person says no', async () => {
    const { desk, feedsInsideNetwork } = deskWith(false);
    expect(await admitFeed('http://intranet.example.org/rss', desk)).toEqual({ ok: false, error: errorMessages.feedInsideNetworkDeclined('intranet.example.org') });
    expect(feedsInsideNetwork.isAllowed('http://intranet.example.org/rss')).toBe(false);
  });

  it('treats a feed whose name does not resolve now (offline) as public, without asking', async () => {
    const { desk, confirm } = deskWith(true);
    expect(await admitFeed('http://offline.example.org/rss', desk)).toEqual({ ok: true, value: { reach: 'public', newlyAllowed: false } });
    expect(confirm).not.toHaveBeenCalled();
  });

  it.each([undefined, 42, '', 'file:///etc/passwd', 'javascript:alert(1)', `https://a.example/${'x'.repeat(5_000)}`])('refuses %j without a look-up', async (url) => {
    const { desk } = deskWith(true);
    expect(await admitFeed(url, desk)).toEqual({ ok: false, error: errorMessages.fetchBadAddress });
    expect(desk.resolveHost).not.toHaveBeenCalled();
  });
});

describe('the list of feeds allowed inside the network', () => {
  it.each([
    ['not JSON', '{"version":1,"feeds":['],
    ['another shape', '{"version":2,"feeds":"http://10.0.0.1/"}'],
    ['a prototype trick', '{"__proto__":{"feeds":["http://10.0.0.1/"]},"version":1}'],
    ['empty', ''],
  ])('starts empty when the file is %s', (_name, text) => {
    writeFileSync(listFile, text);
    expect(openFeedsInsideNetwork(listFile).isAllowed('http://10.0.0.1/')).toBe(false);
  });

  it('keeps addresses normalised, and stops at its limit', () => {
    const list = openFeedsInsideNetwork(listFile);
    expect(list.allow('HTTP://Intranet.Example.org/rss')).toBe(true);
    expect(list.isAllowed('http://intranet.example.org/rss')).toBe(true);
    for (let index = 1; index < mostFeedsInsideNetwork; index += 1) list.allow(`http://10.0.0.1/feed-${index}`);
    expect(list.allow('http://10.0.0.2/one-too-many')).toBe(false);
    expect(list.isAllowed('http://10.0.0.2/one-too-many')).toBe(false);
    expect((JSON.parse(readFileSync(listFile, 'utf8')) as { feeds: string[] }).feeds).toHaveLength(mostFeedsInsideNetwork);
  });
});

describe('the admitFeed bridge handler', () => {
  beforeEach(() => {
    ipcHandlers.clear();
    registerBridgeHandlers();
    fakeElectron.dialog.showMessageBox.mockClear();
  });
  const call = (event: unknown, url: unknown) => {
    const handler = ipcHandlers.get(bridgeChannels.admitFeed);
    if (!handler) throw new Error('no admitFeed handler');
    return handler(event, url);
  };

  it('asks in the main process’s own dialog, with Cancel as the default, and allows only on Allow', async () => {
    const folder = allowInsideNetwork();
    fakeElectron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await call(ipcEventFrom('app://field-news/index.html'), 'http://127.0.0.1:9/feed.json')).toMatchObject({ ok: false });
    const [options] = fakeElectron.dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; defaultId: number; cancelId: number; message: string }];
    expect(options).toMatchObject({ buttons: ['Allow', 'Cancel'], defaultId: 1, cancelId: 1 });
    expect(options.message).toContain('127.0.0.1');
    expect(await call(ipcEventFrom('app://field-news/index.html'), 'http://127.0.0.1:9/feed.json')).toEqual({ ok: true, value: { reach: 'inside-network', newlyAllowed: true } });
    expect(readFileSync(path.join(folder, 'feeds-inside-network.json'), 'utf8')).toContain('http://127.0.0.1:9/feed.json');
  });

  it('answers no other page, and draws no dialog for it', async () => {
    expect(await call(ipcEventFrom('https://evil.example/'), 'http://127.0.0.1:9/feed.json')).toEqual({ ok: false, error: errorMessages.bridgeUnexpectedSender });
    expect(fakeElectron.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
