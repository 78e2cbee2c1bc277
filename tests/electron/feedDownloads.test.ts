// Only a feed the person allowed inside their own network (kept by the main process, never taken
// from the page) may reach an address there, and only on its own host: every other request (first,
// redirect hop, later page) that would reach a loopback, private or link-local address is refused
// unsent, on the address actually connected to. Real HTTP servers on 127.0.0.1 play both the public
// web and the LAN; a table stands in for DNS (tests/electron/testNetwork.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../shared/errorMessages';
import type { FeedFetchResult } from '../../shared/sync/fetchFeedDocument';
import { feedItems, serveFeed, testPolicy } from '../shared/sync/syncTestKit';
import type { FeedServer } from '../../scripts/feedServer';
import { resolverOf, testNetwork, type TestNetwork } from './testNetwork';
import type { RequestRoute } from '../../electron/addressGuard';
import { englishText } from '../../shared/i18n/formatMessages';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { feedDownloader } = await import('../../electron/feedDownloads');
const { resolveWithSystem } = await import('../../electron/addressGuard');
const { startMainLog } = await import('../../electron/mainLog');

const dns: Record<string, readonly string[]> = {
  'news.example.org': ['93.184.216.34'],
  'cdn.example.org': ['2606:4700::6810:84e5'],
  'intranet.example.org': ['10.0.0.7'],
  'mixed.example.org': ['93.184.216.35', '192.168.1.1'],
  'router.example.org': ['169.254.169.254'],
  localhost: ['127.0.0.1'],
};
let network: TestNetwork;
const download = (url: string, feedUrl = url, policy = testPolicy()) => feedDownloader(network, policy)({ url, feedUrl, validators: null });
const failed = (result: FeedFetchResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${result.value.kind}`);
  return result;
};

/** The public feed's server: /go?to=<address> answers 302 to that address. */
let redirector: Server;
let redirectorPort: number;
const redirectorRequests: string[] = [];
/** The server "inside the network" that must never be reached from a public feed. */
let lan: FeedServer;
let lanPort: number;

beforeAll(async () => {
  redirector = createServer((request, response) => {
    redirectorRequests.push(request.url ?? '');
    const to = new URL(request.url ?? '/', 'http://localhost').searchParams.get('to');
    response.writeHead(to ? 302 : 404, to ? { Location: to } : {}).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  redirectorPort = (redirector.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => redirector.close(() => resolve())));

const startLan = async () => {
  lan = await serveFeed({ items: feedItems(2), title: 'Office News', gzip: false });
  lanPort = Number(new URL(lan.url).port);
};
const publicFeedTo = (target: string) => `http://news.example.org:${redirectorPort}/go?to=${encodeURIComponent(target)}`;

const routes: RequestRoute[] = ['direct', 'proxy'];

describe.each(routes)('the address rules in the main process, %s', (route) => {
  beforeEach(() => {
    network = testNetwork(dns, { route });
  });

  it.each([
    ['the loopback address', () => `http://127.0.0.1:${lanPort}/feed.json`, '127.0.0.1', '127.0.0.1'],
    ['a name that resolves to a private address', () => `http://intranet.example.org:${lanPort}/feed.json`, 'intranet.example.org', '10.0.0.7'],
    ['a name with one public and one private address', () => `http://mixed.example.org:${lanPort}/feed.json`, 'mixed.example.org', '192.168.1.1'],
    ['a link-local address behind a name', () => `http://router.example.org:${lanPort}/feed.json`, 'router.example.org', '169.254.169.254'],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${lanPort}/feed.json`, '::ffff:7f00:1', '::ffff:7f00:1'],
    ['localhost', () => `http://localhost:${lanPort}/feed.json`, 'localhost', '127.0.0.1'],
  ])('stop a public feed redirecting to %s, before any request reaches it', async (_name, target, host, address) => {
    await startLan();
    const url = target();
    const failure = failed(await download(publicFeedTo(url)));
    expect(failure).toMatchObject({ reason: 'address-refused', error: errorMessages.fetchAddressRefused(host, address), url: new URL(url).href });
    expect(englishText(failure.error)).toMatch(/inside your own network/);
    expect(lan.requests).toHaveLength(0);
  });

  it('stop a later page of a public feed that points into the network, without sending it, and log the hosts only', async () => {
    const logFile = startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-downloads-')), toConsole: false });
    await startLan();
    const failure = failed(await download(`http://127.0.0.1:${lanPort}/feed.json?page=2`, `http://news.example.org:${redirectorPort}/feed.json?key=secret`));
    expect(failure).toMatchObject({ reason: 'address-refused' });
    expect(lan.requests).toHaveLength(0);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain(`[warn] (downloads) Stopped a feed on news.example.org:${redirectorPort} from reaching 127.0.0.1 (127.0.0.1), inside this network`);
    expect(log).not.toContain('secret');
  });

  it('let a public feed redirect to another public host, resolving every hop before asking it', async () => {
    await startLan();
    const cdn = `http://cdn.example.org:${lanPort}/feed.json`;
    const hop = `http://news.example.org:${redirectorPort}/go?to=${encodeURIComponent(cdn)}`;
    const result = await download(publicFeedTo(hop));
    expect(result).toMatchObject({ ok: true, value: { kind: 'fetched', url: cdn } });
    expect(vi.mocked(network.resolveHost).mock.calls.map(([host]) => host)).toEqual(['news.example.org', 'news.example.org', 'cdn.example.org']);
    expect(lan.requests).toHaveLength(1);
  });

  it.each([
    ['on 127.0.0.1', () => `http://127.0.0.1:${lanPort}/feed.json`],
    ['on localhost', () => `http://localhost:${lanPort}/feed.json`],
    ['on an office intranet name', () => `http://intranet.example.org:${lanPort}/feed.json`],
  ])('let a feed the person allowed %s be downloaded there, and refuse the same feed not allowed', async (_name, address) => {
    await startLan();
    expect(failed(await download(address()))).toMatchObject({ reason: 'address-refused' });
    expect(lan.requests).toHaveLength(0);
    network.allowed.add(address());
    expect(await download(address())).toMatchObject({ ok: true, value: { kind: 'fetched' } });
    expect(lan.requests).toHaveLength(1);
  });

  it('let a feed allowed inside the network redirect within its own host, and nowhere else inside', async () => {
    await startLan();
    const feed = `http://intranet.example.org:${redirectorPort}/go?to=${encodeURIComponent(`http://intranet.example.org:${lanPort}/feed.json`)}`;
    network.allowed.add(feed);
    expect(await download(feed)).toMatchObject({ ok: true, value: { kind: 'fetched' } });
    const elsewhere = `http://intranet.example.org:${redirectorPort}/go?to=${encodeURIComponent(`http://router.example.org:${lanPort}/latest/meta-data/`)}`;
    network.allowed.add(elsewhere);
    expect(failed(await download(elsewhere))).toMatchObject({ reason: 'address-refused', error: errorMessages.fetchAddressRefused('router.example.org', '169.254.169.254') });
    expect(lan.requests).toHaveLength(1);
  });

  it('take the feed’s reach from its own list, not from the page: a forged feed address reaches nothing inside', async () => {
    await startLan();
    // A compromised page names a feed on 127.0.0.1 (never allowed) to reach a cloud metadata service.
    const failure = failed(await download(`http://router.example.org:${lanPort}/latest/meta-data/`, 'http://127.0.0.1/'));
    expect(failure).toMatchObject({ reason: 'address-refused', error: errorMessages.fetchAddressRefused('router.example.org', '169.254.169.254') });
    expect(lan.requests).toHaveLength(0);
  });

  it('treat a feed whose name answers one public and one private address as public: it may not lead into the network', async () => {
    await startLan();
    const failure = failed(await download(`http://127.0.0.1:${lanPort}/feed.json?page=2`, 'http://mixed.example.org/feed.json'));
    expect(failure).toMatchObject({ reason: 'address-refused', error: errorMessages.fetchAddressRefused('127.0.0.1', '127.0.0.1') });
    expect(lan.requests).toHaveLength(0);
  });

  it('name a redirect target whose name does not resolve as a host not found, and send nothing', async () => {
    const failure = failed(await download(publicFeedTo('http://nowhere.example.org/feed.json')));
    expect(failure).toMatchObject({ reason: 'host-not-found', error: errorMessages.fetchHostNotFound('nowhere.example.org') });
  });

  it.each([
    ['the feed\'s own name', 'http://silent.example.org/feed.json'],
    ['the name of the page asked for', 'http://news.example.org/feed.json'],
  ])('give up when the resolver never answers for %s, as the download times out', async (_name, feedUrl) => {
    const known = resolverOf(dns);
    network = testNetwork(dns, { route, resolveHost: (host) => (host === 'news.example.org' ? known(host) : new Promise<readonly string[]>(() => undefined)) });
    const started = Date.now();
    const result = await download('http://silent.example.org/feed.json?page=2', feedUrl, testPolicy({ idleTimeoutMs: 300 }));
    expect(failed(result)).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(network.connected).toEqual([]);
  });
});

describe('the address connected to', () => {
  it('is the address checked: a name that turns private on a second look-up (DNS rebinding) is never asked twice', async () => {
    await startLan();
    let lookups = 0;
    // TTL 0: the first answer is public, every later one is this computer.
    const flipping = vi.fn((host: string): Promise<readonly string[]> => Promise.resolve(host === 'flip.example.org' && lookups++ === 0 ? ['93.184.216.40'] : ['127.0.0.1']));
    network = testNetwork(dns, { route: 'direct', resolveHost: flipping });
    const result = await download(`http://flip.example.org:${lanPort}/feed.json`);
    expect(result).toMatchObject({ ok: true });
    expect(flipping).toHaveBeenCalledTimes(1);
    expect(network.connected).toEqual(['93.184.216.40']);
  });

  it('is refused when the one look-up answers inside the network, before any byte is sent', async () => {
    await startLan();
    network = testNetwork({ 'flip.example.org': ['93.184.216.40', '10.1.2.3'] }, { route: 'direct' });
    expect(failed(await download(`http://flip.example.org:${lanPort}/feed.json`))).toMatchObject({ reason: 'address-refused' });
    expect(network.connected).toEqual([]);
    expect(lan.requests).toHaveLength(0);
  });

  it('reads a gzip-compressed feed as Chromium would, decoded before the size cap counts it', async () => {
    const compressed = await serveFeed({ items: feedItems(40), title: 'Zipped News', gzip: true });
    try {
      network = testNetwork(dns, { route: 'direct' });
      network.allowed.add(compressed.url);
      const result = await download(compressed.url);
      if (!result.ok || result.value.kind !== 'fetched') throw new Error('expected the feed');
      expect(compressed.requests[0]?.headers['accept-encoding']).toMatch(/gzip/);
      expect(JSON.parse(new TextDecoder().decode(result.value.bytes))).toMatchObject({ title: 'Zipped News' });
    } finally {
      await compressed.close();
    }
  });

  it('resolves names with the system resolver in the app (localhost comes from the hosts file, no network needed)', async () => {
    const addresses = await resolveWithSystem('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => address === '127.0.0.1' || address === '::1')).toBe(true);
  });
});
