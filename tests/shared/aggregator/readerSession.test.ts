// Signing in and calling an aggregator over a real HTTP server on 127.0.0.1 that answers as a Reader
// API would (ClientLogin, a token that expires, a password that changes), through the same exchange
// the app uses, with Node's fetch as the transport.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exchangeWithReader } from '../../../shared/aggregator/readerExchange';
import { callReader, checkServerAddress, serviceNameOf, signIn, type Exchange } from '../../../shared/aggregator/readerSession';
import { errorMessages } from '../../../shared/errorMessages';

let server: Server;
let base: string;
/** What the server takes now: the API password and the one valid token. */
const accepted = { password: 'fieldnews-api', token: 'fieldnews/fresh' };
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url}`);
      const path = request.url ?? '';
      if (path.startsWith('/missing')) return response.writeHead(404).end('Not Found');
      if (path.startsWith('/moved')) return response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
      if (path.startsWith('/web-page/')) return response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome</body></html>');
      if (path.endsWith('/accounts/ClientLogin')) {
        const form = new URLSearchParams(body);
        if (form.get('Passwd') !== accepted.password) return response.writeHead(401).end('Unauthorized!');
        return response.writeHead(200).end(`SID=${accepted.token}\nLSID=null\nAuth=${accepted.token}\n`);
      }
      if (request.headers.authorization !== `GoogleLogin auth=${accepted.token}`) return response.writeHead(401).end('Unauthorized!');
      if (path.includes('/reader/api/0/unread-count')) return response.writeHead(200).end('{"max":0,"unreadcounts":[]}');
      response.writeHead(400).end('Bad Request!');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/greader.php`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  accepted.password = 'fieldnews-api';
  accepted.token = 'fieldnews/fresh';
});

const exchange: Exchange = (request, authorization) => exchangeWithReader({ fetch: (url, init) => fetch(url, init), userAgent: 'FieldNews/test' }, request, authorization);
const credentials = (token: string) => ({ serverAddress: base, userName: 'fieldnews', password: 'fieldnews-api', token });

describe('signing in to an aggregator', () => {
  it('gets the token with the right API password', async () => {
    const answer = await signIn(exchange, base, 'fieldnews', 'fieldnews-api');
    expect(answer.ok && answer.value.token).toBe('fieldnews/fresh');
    expect(answer.ok && answer.value.bytes).toBeGreaterThan(30);
  });

  it('says a wrong password, a server that is not a Reader API, and one that cannot be reached, each in words', async () => {
    expect(await signIn(exchange, base, 'fieldnews', 'wrong')).toMatchObject({ ok: false, error: { reason: 'wrong-password', error: errorMessages.aggregatorWrongPassword } });
    expect(await signIn(exchange, `${base.replace('/api/greader.php', '')}/web-page`, 'fieldnews', 'x')).toMatchObject({ ok: false, error: { reason: 'not-reader-api', error: errorMessages.aggregatorNotReaderApi } });
    expect(await signIn(exchange, `${base.replace('/api/greader.php', '')}/missing`, 'fieldnews', 'fieldnews-api')).toMatchObject({ ok: false, error: { reason: 'not-reader-api' } });
    expect(await signIn(exchange, `${base.replace('/api/greader.php', '')}/moved`, 'fieldnews', 'x')).toMatchObject({ ok: false, error: { error: errorMessages.aggregatorMoved } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await signIn(exchange, `http://127.0.0.1:${closedPort}/api/greader.php`, 'fieldnews', 'x')).toMatchObject({ ok: false, error: { reason: 'no-connection', error: errorMessages.fetchRefused } });
  });
});

describe('calling as the signed-in user', () => {
  it('signs in again once when the token expired, keeps the new token, and counts every byte', async () => {
    const kept: string[] = [];
    const answer = await callReader(exchange, credentials('fieldnews/expired'), { kind: 'unread-counts' }, (token) => kept.push(token));
    expect(answer).toEqual({ ok: true, value: { text: '{"max":0,"unreadcounts":[]}', bytes: 'Unauthorized!'.length + 'SID=fieldnews/fresh\nLSID=null\nAuth=fieldnews/fresh\n'.length + 27 } });
    expect(kept).toEqual(['fieldnews/fresh']);
    expect(seen).toEqual([`GET /api/greader.php/reader/api/0/unread-count?output=json`, 'POST /api/greader.php/accounts/ClientLogin', 'GET /api/greader.php/reader/api/0/unread-count?output=json']);
  });

  it('says so, after one try, when the password no longer works', async () => {
    accepted.password = 'changed-on-the-server';
    const answer = await callReader(exchange, credentials('fieldnews/expired'), { kind: 'unread-counts' }, () => undefined);
    expect(answer).toMatchObject({ ok: false, error: { reason: 'signed-out', error: errorMessages.aggregatorSignedOut } });
    expect(seen).toHaveLength(2);
  });

  it('does not sign in for an answer that is not a 401', async () => {
    const answer = await callReader(exchange, credentials('fieldnews/fresh'), { kind: 'subscriptions' }, () => undefined);
    expect(answer).toMatchObject({ ok: false, error: { reason: 'not-reader-api' } });
    expect(seen).toHaveLength(1);
  });
});

describe('the server address a person types', () => {
  it('keeps an http(s) address without its query, fragment or trailing slash, and names FreshRSS by its API', () => {
    expect(checkServerAddress(' https://rss.example.org/api/greader.php/?x=1#top ')).toEqual({ ok: true, value: 'https://rss.example.org/api/greader.php' });
    expect(checkServerAddress('ftp://rss.example.org/')).toEqual({ ok: false, error: errorMessages.aggregatorBadAddress });
    expect(checkServerAddress('https://user:secret@rss.example.org/')).toEqual({ ok: false, error: errorMessages.aggregatorBadAddress });
    expect(checkServerAddress('rss.example.org')).toEqual({ ok: false, error: errorMessages.aggregatorBadAddress });
    expect(serviceNameOf('https://rss.example.org/api/greader.php')).toBe('FreshRSS');
    expect(serviceNameOf('https://reader.example.org')).toBe('reader.example.org');
  });
});
