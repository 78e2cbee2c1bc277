// A team aggregator's accounts in the desktop app: connecting (the server's host admitted as a feed
// is, ClientLogin through the address guard), the token and API password kept encrypted with
// Electron's safeStorage in the data folder, and every Reader API call made here with them, so
// neither ever reaches the page, IndexedDB, a backup, the log or the diagnostics.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readerCallSchema } from '../shared/aggregator/readerCalls';
import { exchangeWithReader } from '../shared/aggregator/readerExchange';
import {
  accountIdOf,
  callReader,
  checkServerAddress,
  serviceNameOf,
  signIn,
  type ConnectedAccount,
  type Exchange,
  type ReaderAnswer,
  type ReaderCredentials,
} from '../shared/aggregator/readerSession';
import { errorMessages } from '../shared/errorMessages';
import type { UserMessage } from '../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../shared/result';
import { hostOf } from '../shared/webAddress';
import { mainLog } from './mainLog';

/** The part of Electron's safeStorage used here (a fake in tests). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface AccountSecrets {
  get(accountId: string): ReaderCredentials | null;
  put(accountId: string, credentials: ReaderCredentials): void;
  remove(accountId: string): void;
}

const storedFile = z.object({ version: z.literal(1), accounts: z.record(z.string().max(4_200), z.string().max(20_000)) });
const credentialsSchema = z.object({ serverAddress: z.string().max(2_000), userName: z.string().max(200), password: z.string().max(1_000), token: z.string().max(1_024) });

/** The secrets file: each account's credentials, encrypted whole with safeStorage (base64); read once, written at each change. */
export const openAccountSecrets = (file: string, box: SecretBox): AccountSecrets => {
  let sealed: Record<string, string> = {};
  try {
    const parsed = storedFile.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    if (parsed.success) sealed = parsed.data.accounts;
    else mainLog.warn('accounts', 'The account secrets file is damaged; accounts must be connected again');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') mainLog.warn('accounts', 'The account secrets file could not be read', thrown);
  }
  const write = () => {
    mkdirSync(path.dirname(file), { recursive: true });
    // Readable by this user only: where the system has no key store the seal is Chromium's own key.
    writeFileSync(`${file}.partial`, JSON.stringify({ version: 1, accounts: sealed }), { mode: 0o600 });
    renameSync(`${file}.partial`, file);
  };
  return {
    get: (accountId) => {
      const text = sealed[accountId];
      if (text === undefined || !box.isEncryptionAvailable()) return null;
      try {
        const parsed = credentialsSchema.safeParse(JSON.parse(box.decryptString(Buffer.from(text, 'base64'))) as unknown);
        return parsed.success ? parsed.data : null;
      } catch (thrown) {
        // Another user's or another machine's key store: the person connects again (said by the caller).
        mainLog.warn('accounts', 'An account secret could not be decrypted', thrown);
        return null;
      }
    },
    put: (accountId, credentials) => {
      sealed = { ...sealed, [accountId]: box.encryptString(JSON.stringify(credentials)).toString('base64') };
      write();
    },
    remove: (accountId) => {
      if (!(accountId in sealed)) return;
      const rest = { ...sealed };
      delete rest[accountId];
      sealed = rest;
      write();
    },
  };
};

export interface AggregatorDesk {
  secrets: AccountSecrets;
  box: Pick<SecretBox, 'isEncryptionAvailable'>;
  /** The exchange for a server, through the address guard with the server's admitted reach. */
  exchangeFor: (serverAddress: string) => Exchange;
  /** Asks, as for a feed, whether the server's host may be reached inside the network (a dialog). */
  admit: (serverAddress: string) => Promise<Result<unknown, UserMessage>>;
}

const connectRequest = z.object({ serverAddress: z.string().max(2_000), userName: z.string().trim().min(1).max(200), password: z.string().min(1).max(1_000) });

/** Connects an account: the account's public facts, or why not in the reader's words. */
export const connectAggregator = async (request: unknown, desk: AggregatorDesk): Promise<Result<ConnectedAccount, UserMessage>> => {
  const parsed = connectRequest.safeParse(request);
  if (!parsed.success) return fail(errorMessages.aggregatorBadAddress);
  const server = checkServerAddress(parsed.data.serverAddress);
  if (!server.ok) return server;
  if (!desk.box.isEncryptionAvailable()) return fail(errorMessages.aggregatorSecretsUnavailable);
  const admitted = await desk.admit(server.value);
  if (!admitted.ok) return admitted;
  const { userName, password } = parsed.data;
  const signedIn = await signIn(desk.exchangeFor(server.value), server.value, userName, password);
  if (!signedIn.ok) {
    mainLog.info('accounts', `Connecting to ${hostOf(server.value)} failed: ${signedIn.error.reason}${signedIn.error.cause ? ` (${signedIn.error.cause})` : ''}`);
    return fail(signedIn.error.error);
  }
  const accountId = accountIdOf(server.value, userName);
  desk.secrets.put(accountId, { serverAddress: server.value, userName, password, token: signedIn.value.token });
  mainLog.info('accounts', `Connected an account on ${hostOf(server.value)}`);
  return succeed({ accountId, serverAddress: server.value, userName, service: serviceNameOf(server.value) });
};

export const forgetAggregator = (accountId: unknown, desk: Pick<AggregatorDesk, 'secrets'>): Result<null, UserMessage> => {
  if (typeof accountId !== 'string' || accountId.length > 4_200) return fail(errorMessages.bridgeUnknownFailure);
  desk.secrets.remove(accountId);
  return succeed(null);
};

const callRequest = z.object({ accountId: z.string().min(1).max(4_200), call: readerCallSchema });

/** Makes one Reader API call for the sync worker, with the account's kept token (signing in again once on a 401). */
export const callAggregator = async (request: unknown, desk: Pick<AggregatorDesk, 'secrets' | 'exchangeFor'>): Promise<ReaderAnswer> => {
  const parsed = callRequest.safeParse(request);
  if (!parsed.success) return fail({ reason: 'not-reader-api', error: errorMessages.bridgeUnknownFailure, bytes: 0 });
  const { accountId, call } = parsed.data;
  const credentials = desk.secrets.get(accountId);
  if (credentials === null) return fail({ reason: 'signed-out', error: errorMessages.aggregatorNotOnThisDevice, bytes: 0 });
  return callReader(desk.exchangeFor(credentials.serverAddress), credentials, call, (token) => desk.secrets.put(accountId, { ...credentials, token }));
};

/** The exchange through a guarded fetch: a refusal of the address rules said as such. */
export const guardedExchange =
  (guard: { fetch: Parameters<typeof exchangeWithReader>[0]['fetch']; refusal: () => UserMessage | null }, userAgent: string): Exchange =>
  (request, authorization) =>
    exchangeWithReader({ fetch: guard.fetch, userAgent, refusal: guard.refusal }, request, authorization);
