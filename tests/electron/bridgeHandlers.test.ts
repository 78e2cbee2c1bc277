import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { arch, release, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feedServer';
import { bridgeChannels } from '../../shared/bridge';
import { errorMessages } from '../../shared/errorMessages';
import { logLimits, type LogEntry } from '../../shared/logEntry';
import { allowInsideNetwork, fakeElectron, ipcEventFrom, ipcHandlers, ipcListeners } from './fakeElectron';
import { englishText } from '../../shared/i18n/formatMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerBridgeHandlers } = await import('../../electron/bridgeHandlers');
const { watchGestures, linkGestureWindowMs } = await import('../../electron/navigationGuard');
const { startMainLog } = await import('../../electron/mainLog');

const call = (channel: string, event: unknown, ...args: unknown[]) => {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
};
const fromApp = ipcEventFrom('app://field-news/index.html');

let logFile: string;
const logLines = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '').split('\n').filter((line) => line !== '');

beforeEach(() => {
  logFile = startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-bridge-')), toConsole: false });
  ipcHandlers.clear();
  ipcListeners.clear();
  fakeElectron.shell.openExternal.mockClear();
  registerBridgeHandlers();
});

describe('bridge handlers', () => {
  it('register one handler per message of the contract', () => {
    // The sync port is the one one-way message (electron/syncPort.ts, its own test).
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(bridgeChannels).filter((channel) => channel !== bridgeChannels.requestSyncPort).sort());
    expect(ipcListeners.size).toBe(0);
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
    expect(await call(bridgeChannels.getAppInfo, event)).toEqual({ ok: false, error: errorMessages.bridgeUnexpectedSender });
    expect(await call(bridgeChannels.openExternalLink, event, 'https://example.org/')).toMatchObject({ ok: false });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('give the system languages, and take only a known language setting from the app page', async () => {
    const told: string[] = [];
    ipcHandlers.clear();
    registerBridgeHandlers({ onInterfaceLanguage: (setting) => told.push(setting) });
    expect(await call(bridgeChannels.getSystemLanguages, fromApp)).toEqual({ ok: true, value: ['es-MX', 'en-US'] });
    expect(await call(bridgeChannels.setInterfaceLanguage, fromApp, 'es')).toEqual({ ok: true, value: null });
    for (const hostile of ['fr', '', null, { toString: () => 'es' }, ['es']]) {
      expect(await call(bridgeChannels.setInterfaceLanguage, fromApp, hostile)).toMatchObject({ ok: false });
    }
    expect(await call(bridgeChannels.setInterfaceLanguage, ipcEventFrom('https://evil.example/'), 'en')).toMatchObject({ ok: false });
    expect(told).toEqual(['es']);
  });

  it('open an https link in the system browser right after a click or key press, and not without one', async () => {
    const page = ipcEventFrom('app://field-news/index.html');
    watchGestures(page.sender as never);
    expect(await call(bridgeChannels.openExternalLink, page, 'https://www.iom.int/news')).toEqual({ ok: false, error: errorMessages.linkNeedsGesture });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    page.sender.emit('input-event', {}, { type: 'mouseMove' });
    expect(await call(bridgeChannels.openExternalLink, page, 'https://www.iom.int/news')).toMatchObject({ ok: false });
    page.sender.emit('input-event', {}, { type: 'mouseDown' });
    expect(await call(bridgeChannels.openExternalLink, page, 'https://www.iom.int/news')).toEqual({ ok: true, value: null });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://www.iom.int/news');
    vi.useFakeTimers({ now: Date.now() + linkGestureWindowMs + 1 });
    try {
      expect(await call(bridgeChannels.openExternalLink, page, 'https://www.iom.int/later')).toMatchObject({ ok: false });
    } finally {
      vi.useRealTimers();
    }
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
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
    const result = (await call(bridgeChannels.openExternalLink, fromApp, argument)) as { ok: boolean; error: UserMessage };
    expect(result.ok).toBe(false);
    expect(englishText(result.error)).toMatch(message);
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('the feed download handler', () => {
  let server: FeedServer;
  let dataFolderBefore: string;
  beforeAll(async () => {
    server = await startFeedServer({ file: 'renderer/public/feeds/iom-regional-news-2021.json' });
    // The test server is on 127.0.0.1: a feed there is one the person allowed inside the network.
    dataFolderBefore = fakeElectron.app.getPath('userData');
    allowInsideNetwork(server.url);
  });
  afterAll(() => {
    fakeElectron.app.setPath('userData', dataFolderBefore);
    return server.close();
  });

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

const entry = (message: string, overrides: Partial<LogEntry> = {}): LogEntry => ({ level: 'info', scope: 'sync', message, at: '2026-11-27T18:00:00.000Z', ...overrides });

describe('the log and diagnostics handlers', () => {
  it('write the page\'s log lines to the log file and hand back the last 200 with the versions, OS and data folder', async () => {
    const entries = Array.from({ length: 150 }, (_, index) => entry(`page ${index + 1} stored`));
    expect(await call(bridgeChannels.writeLog, fromApp, entries)).toEqual({ ok: true, value: null });
    expect(await call(bridgeChannels.writeLog, fromApp, entries.slice(0, 100))).toEqual({ ok: true, value: null });
    const diagnostics = (await call(bridgeChannels.getDiagnostics, fromApp)) as { ok: true; value: { logLines: string[] } };
    expect(diagnostics).toMatchObject({
      ok: true,
      value: { version: '1.2.3', shell: 'electron', os: { platform: process.platform, release: release(), arch: arch() }, dataFolder: '/fake/userData' },
    });
    expect(diagnostics.value.logLines).toHaveLength(200);
    expect(diagnostics.value.logLines.at(-1)).toBe('2026-11-27T18:00:00.000Z [info] (sync) page 100 stored');
  });

  it('cut a runaway message and keep a message with line breaks on one line, so it cannot forge others', async () => {
    const forged = 'fine\n2026-01-01T00:00:00.000Z [error] (bridge) forged line';
    const long = 'y'.repeat(logLimits.messageCharacters * 3);
    expect(await call(bridgeChannels.writeLog, fromApp, [entry(forged), entry(long)])).toEqual({ ok: true, value: null });
    const [first, second, ...rest] = logLines();
    expect(first).toBe('2026-11-27T18:00:00.000Z [info] (sync) fine\\n2026-01-01T00:00:00.000Z [error] (bridge) forged line');
    expect(second?.length).toBeLessThan(logLimits.messageCharacters + 100);
    expect(rest).toEqual([]);
  });

  it.each([
    ['too many entries at once', Array.from({ length: logLimits.entriesPerCall + 1 }, () => entry('flood'))],
    ['something that is not a list', 'hello'],
    ['an unknown level', [entry('x', { level: 'fatal' as LogEntry['level'] })]],
    ['a scope with spaces and brackets', [entry('x', { scope: '] [error] (bridge)' })]],
    ['a time that is not a date', [entry('x', { at: 'yesterday' })]],
    ['an entry with no message', [{ level: 'info', scope: 'sync', at: '2026-11-27T18:00:00.000Z' }]],
  ])('refuse %s, writing nothing', async (_name, entries) => {
    expect(await call(bridgeChannels.writeLog, fromApp, entries)).toEqual({ ok: false, error: errorMessages.logEntriesRefused });
    expect(logLines()).toEqual([]);
  });

  it('refuse log lines and diagnostics to a foreign page, and note the attempt', async () => {
    expect(await call(bridgeChannels.writeLog, ipcEventFrom('https://evil.example/'), [entry('x')])).toMatchObject({ ok: false });
    expect(await call(bridgeChannels.getDiagnostics, ipcEventFrom('https://evil.example/'))).toMatchObject({ ok: false });
    expect(logLines()).toEqual([
      expect.stringMatching(/\[warn\] \(bridge\) Refused field-news:write-log from https:\/\/evil\.example\/$/),
      expect.stringMatching(/\[warn\] \(bridge\) Refused field-news:get-diagnostics from https:\/\/evil\.example\/$/),
    ]);
  });
});

describe('a handler that throws', () => {
  it('still answers with a Result, and the log keeps what was thrown', async () => {
    fakeElectron.app.getVersion.mockImplementationOnce(() => {
      throw new Error('disk on fire');
    });
    expect(await call(bridgeChannels.getAppInfo, fromApp)).toEqual({ ok: false, error: errorMessages.bridgeUnknownFailure });
    expect(logLines()).toEqual([expect.stringMatching(/\[error\] \(bridge\) field-news:get-app-info failed: Error: disk on fire/)]);
  });

  it('answers a download with a failure that has a reason, as every download failure does', async () => {
    fakeElectron.app.getVersion.mockImplementationOnce(() => {
      throw new Error('disk on fire');
    });
    const request = { url: 'http://127.0.0.1:9/feed.json', feedUrl: 'http://127.0.0.1:9/feed.json', validators: null };
    expect(await call(bridgeChannels.fetchFeedDocument, fromApp, request)).toEqual({
      ok: false,
      error: errorMessages.bridgeUnknownFailure,
      reason: 'no-connection',
      status: null,
      bytesRead: 0,
      url: '',
    });
    expect(logLines()).toEqual([expect.stringMatching(/field-news:fetch-feed-document failed: Error: disk on fire/)]);
  });
});
