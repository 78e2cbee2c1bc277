// The desktop app's aggregator accounts: the token and API password sealed with safeStorage in the
// data folder (never in clear in the file), connecting refused before any request when the system
// has no key store, every call checked before it is made, a new token kept after signing in again.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../shared/aggregator/readerSession';
import { errorMessages } from '../../shared/errorMessages';
import { fail, succeed } from '../../shared/result';
import type { UserMessage } from '../../shared/i18n/userMessage';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { callAggregator, connectAggregator, forgetAggregator, openAccountSecrets } = await import('../../electron/aggregatorAccounts');
const { startMainLog } = await import('../../electron/mainLog');

/** A stand-in for safeStorage: reversible, and visibly not the clear text. */
const box = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
  decryptString: (sealed: Buffer) => Buffer.from([...sealed].map((byte) => byte ^ 0x5a)).toString(),
});

const server = 'http://rss.office.example/api/greader.php';
let secretsFile: string;
let requests: string[];
/** A FreshRSS as the exchange sees it: the token "fresh" works, the password "fieldnews-api" signs in. */
const exchange: Exchange = (request, authorization) => {
  requests.push(`${request.method} ${request.url.replace(server, '')}${authorization === null ? '' : ` [${authorization}]`}`);
  if (request.url.endsWith('/accounts/ClientLogin')) {
    const good = request.body?.includes('Passwd=fieldnews-api') === true;
    return Promise.resolve({ ok: true, status: good ? 200 : 401, text: good ? 'SID=u/fresh\nAuth=u/fresh\n' : 'Unauthorized!', bytes: 20 });
  }
  if (authorization !== 'GoogleLogin auth=u/fresh') return Promise.resolve({ ok: true, status: 401, text: 'Unauthorized!', bytes: 13 });
  return Promise.resolve({ ok: true, status: 200, text: '{"unreadcounts":[]}', bytes: 19 });
};

beforeEach(() => {
  startMainLog({ folder: mkdtempSync(path.join(tmpdir(), 'field-news-accounts-log-')), toConsole: false });
  secretsFile = path.join(mkdtempSync(path.join(tmpdir(), 'field-news-accounts-')), 'aggregator-accounts.json');
  requests = [];
});

const desk = (available = true, admitted = true) => ({
  secrets: openAccountSecrets(secretsFile, box(available)),
  box: box(available),
  exchangeFor: () => exchange,
  admit: () => Promise.resolve(admitted ? succeed<null, UserMessage>(null) : fail<null, UserMessage>(errorMessages.feedInsideNetworkDeclined('rss.office.example'))),
});

describe('connecting an aggregator in the desktop app', () => {
  it('signs in, keeps the token and password sealed in the data folder, and gives the page neither', async () => {
    const connected = await connectAggregator({ serverAddress: `${server}/`, userName: ' fieldnews ', password: 'fieldnews-api', remember: false }, desk());
    expect(connected).toEqual({ ok: true, value: { accountId: `fieldnews@${server}`, serverAddress: server, userName: 'fieldnews', service: 'FreshRSS' } });
    const file = readFileSync(secretsFile, 'utf8');
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    expect(file).not.toContain('fieldnews-api');
    expect(file).not.toContain('u/fresh');
    expect(openAccountSecrets(secretsFile, box()).get(`fieldnews@${server}`)).toEqual({ serverAddress: server, userName: 'fieldnews', password: 'fieldnews-api', token: 'u/fresh' });
  });

  it('says a wrong password and keeps nothing', async () => {
    expect(await connectAggregator({ serverAddress: server, userName: 'fieldnews', password: 'nope', remember: false }, desk())).toEqual({ ok: false, error: errorMessages.aggregatorWrongPassword });
    expect(() => readFileSync(secretsFile)).toThrow();
  });

  it('refuses before any request when the system has no key store, or the person did not allow the server inside the network', async () => {
    expect(await connectAggregator({ serverAddress: server, userName: 'fieldnews', password: 'fieldnews-api', remember: false }, desk(false))).toEqual({ ok: false, error: errorMessages.aggregatorSecretsUnavailable });
    expect(await connectAggregator({ serverAddress: server, userName: 'fieldnews', password: 'fieldnews-api', remember: false }, desk(true, false))).toEqual({ ok: false, error: errorMessages.feedInsideNetworkDeclined('rss.office.example') });
    expect(await connectAggregator({ serverAddress: 'file:///etc/passwd', userName: 'fieldnews', password: 'x', remember: false }, desk())).toEqual({ ok: false, error: errorMessages.aggregatorBadAddress });
    expect(await connectAggregator({ serverAddress: server, userName: '', password: 'x' }, desk())).toEqual({ ok: false, error: errorMessages.aggregatorBadAddress });
    expect(requests).toEqual([]);
  });
});

describe("the sync worker's calls through the main process", () => {
  it('makes a call with the kept token, signs in again once when it expired, and keeps the new token', async () => {
    const accounts = desk();
    accounts.secrets.put(`fieldnews@${server}`, { serverAddress: server, userName: 'fieldnews', password: 'fieldnews-api', token: 'u/old' });
    const answer = await callAggregator({ accountId: `fieldnews@${server}`, call: { kind: 'unread-counts' } }, accounts);
    expect(answer).toEqual({ ok: true, value: { text: '{"unreadcounts":[]}', bytes: 13 + 20 + 19 } });
    expect(requests).toEqual([
      'GET /reader/api/0/unread-count?output=json [GoogleLogin auth=u/old]',
      'POST /accounts/ClientLogin',
      'GET /reader/api/0/unread-count?output=json [GoogleLogin auth=u/fresh]',
    ]);
    expect(openAccountSecrets(secretsFile, box()).get(`fieldnews@${server}`)?.token).toBe('u/fresh');
  });

  it('refuses a call that is not one of the app\'s, and one for an account this device does not hold, with nothing sent', async () => {
    expect(await callAggregator({ accountId: `fieldnews@${server}`, call: { kind: 'fetch', url: 'http://169.254.169.254/' } }, desk())).toMatchObject({ ok: false, error: { error: errorMessages.bridgeUnknownFailure } });
    expect(await callAggregator({ accountId: 'someone@http://elsewhere.example', call: { kind: 'unread-counts' } }, desk())).toMatchObject({ ok: false, error: { reason: 'signed-out', error: errorMessages.aggregatorNotOnThisDevice } });
    expect(requests).toEqual([]);
  });

  it('forgets an account, and reads a damaged secrets file as no accounts', () => {
    const accounts = desk();
    accounts.secrets.put('a@b', { serverAddress: server, userName: 'a', password: 'p', token: 't' });
    expect(forgetAggregator('a@b', accounts)).toEqual({ ok: true, value: null });
    expect(openAccountSecrets(secretsFile, box()).get('a@b')).toBeNull();
    writeFileSync(secretsFile, '{"version":1,"accounts":{"a@b":42}}');
    expect(openAccountSecrets(secretsFile, box()).get('a@b')).toBeNull();
  });
});
