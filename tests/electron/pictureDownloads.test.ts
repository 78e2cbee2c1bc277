// The main process's picture downloads: the feed's transport and address rules, the picture caps,
// the request checked at run time, and the bridge handler behind the sender check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { picturePolicy } from '../../shared/pictures/fetchPicture';
import { makePng, servePictures, type PictureServer } from '../shared/pictures/pictureServer';
import { testNetwork } from './testNetwork';
import { fakeElectron, ipcEventFrom, ipcHandlers } from './fakeElectron';
import { englishText } from '../../shared/i18n/formatMessages';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { pictureDownloader } = await import('../../electron/pictureDownloads');
const { registerBridgeHandlers } = await import('../../electron/bridgeHandlers');
const { startMainLog } = await import('../../electron/mainLog');

const dns: Record<string, readonly string[]> = { 'news.example.org': ['93.184.216.34'], 'pics.example.org': ['93.184.216.35'], 'intranet.example.org': ['10.0.0.7'] };
const download = pictureDownloader(testNetwork(dns), picturePolicy('1.2.3'));

const png = makePng(20, 10);
let server: PictureServer;
let port: string;
beforeAll(async () => {
  startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-pictures-')), toConsole: false });
  server = await servePictures({
    '/lead.png': { body: png, contentType: 'image/png' },
    '/huge.jpg': { body: Buffer.alloc(20 * 1024 * 1024, 1), contentType: 'image/jpeg', chunked: true },
    '/feed.json': { body: '{}', contentType: 'application/json' },
  });
  port = new URL(server.origin).port;
});
afterAll(() => server.close());

describe('picture downloads in the main process', () => {
  it('bring a picture that a public feed names on a public host', async () => {
    const result = await download({ url: `http://pics.example.org:${port}/lead.png`, feedUrl: 'http://news.example.org/feed.json' });
    if (!result.ok) throw new Error(englishText(result.error));
    expect(Buffer.from(result.value.bytes).equals(png)).toBe(true);
  });

  it('stop a public feed’s picture from reaching the user’s own network, unsent', async () => {
    const before = server.requests.length;
    const result = await download({ url: `http://intranet.example.org:${port}/lead.png`, feedUrl: 'http://news.example.org/feed.json' });
    expect(result).toMatchObject({ ok: false, reason: 'address-refused' });
    expect(server.requests.length).toBe(before);
  });

  it('refuse an https feed’s picture on plain http, unsent: the feed’s security holds for what it names', async () => {
    const before = server.requests.length;
    const result = await download({ url: `http://pics.example.org:${port}/lead.png`, feedUrl: 'https://news.example.org/feed.json' });
    expect(result).toMatchObject({ ok: false, reason: 'page-insecure', error: errorMessages.fetchPageInsecure });
    expect(server.requests.length).toBe(before);
  });

  it('refuse a 20 MB picture and an answer that is not a picture', async () => {
    expect(await download({ url: `http://pics.example.org:${port}/huge.jpg`, feedUrl: 'http://news.example.org/feed.json' })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await download({ url: `http://pics.example.org:${port}/feed.json`, feedUrl: 'http://news.example.org/feed.json' })).toMatchObject({ ok: false, reason: 'not-a-picture' });
  });

  it.each([
    ['nothing', undefined],
    ['a bare address', 'https://pics.example.org/a.png'],
    ['no feed', { url: 'https://pics.example.org/a.png' }],
    ['an address that is far too long', { url: `https://pics.example.org/${'a'.repeat(5000)}`, feedUrl: 'https://news.example.org/' }],
  ])('refuse %s without a request', async (_name, request) => {
    const before = server.requests.length;
    expect(await download(request)).toMatchObject({ ok: false, reason: 'bad-address' });
    expect(server.requests.length).toBe(before);
  });
});

describe('the fetchPicture bridge handler', () => {
  beforeEach(() => {
    ipcHandlers.clear();
    registerBridgeHandlers();
  });
  const call = (url: string, request: unknown) => {
    const handler = ipcHandlers.get(bridgeChannels.fetchPicture);
    if (!handler) throw new Error('no picture handler');
    return handler(ipcEventFrom(url), request);
  };

  it('answers the app’s own page for a feed allowed inside the network (the main process’s own list), and refuses a foreign page without a request', async () => {
    // The test server is on 127.0.0.1: only a feed the person allowed there may reach it.
    const dataFolder = mkdtempSync(path.join(tmpdir(), 'field-news-data-'));
    fakeElectron.app.setPath('userData', dataFolder);
    writeFileSync(path.join(dataFolder, 'feeds-inside-network.json'), JSON.stringify({ version: 1, feeds: [`${server.origin}/feed.json`] }));
    const before = server.requests.length;
    expect(await call('https://evil.example/', { url: `${server.origin}/lead.png`, feedUrl: `${server.origin}/feed.json` })).toMatchObject({ ok: false });
    expect(server.requests.length).toBe(before);
    const answer = await call('app://field-news/index.html', { url: `${server.origin}/lead.png`, feedUrl: `${server.origin}/feed.json` });
    expect(answer).toMatchObject({ ok: true, value: { contentType: 'image/png' } });
    const forged = await call('app://field-news/index.html', { url: `${server.origin}/lead.png`, feedUrl: `${server.origin.replace('127.0.0.1', 'localhost')}/feed.json` });
    expect(forged).toMatchObject({ ok: false, reason: 'address-refused' });
  });
});
