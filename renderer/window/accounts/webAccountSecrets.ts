// Web mode's side of connecting an aggregator account (the desktop app does it in the main process):
// ClientLogin with the browser's fetch, then the token and API password kept for this browser
// session only (sessionStorage, gone when the browser closes), or, when the person ticks *Remember
// on this device*, sealed in IndexedDB under a key the browser will not export.
import { z } from 'zod';
import type { AggregatorSignIn } from '../../../shared/bridge';
import { accountIdOf, checkServerAddress, serviceNameOf, signIn, type ConnectedAccount, type ReaderCredentials } from '../../../shared/aggregator/readerSession';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { fail, succeed, type Result } from '../../../shared/result';
import { openAccountSecrets, removeAccountSecret, sealAccountSecret } from '../../db/accountSecrets';
import { browserReaderExchange } from '../../threads/browserShell';
import { db } from '../database';
import { log } from '../log';

const sessionKey = 'field-news-account-secrets';

const sessionSecrets = z.record(z.string(), z.object({ serverAddress: z.string(), userName: z.string(), password: z.string(), token: z.string() }));

const readSession = (): Record<string, ReaderCredentials> => {
  try {
    const parsed = sessionSecrets.safeParse(JSON.parse(sessionStorage.getItem(sessionKey) ?? '{}') as unknown);
    if (parsed.success) return parsed.data;
    log.warn('accounts', "The session's account secrets are not in their shape; accounts ask to connect again");
    return {};
  } catch (thrown) {
    log.warn('accounts', 'The session\'s account secrets could not be read; accounts ask to connect again', thrown);
    return {};
  }
};

const writeSession = (secrets: Record<string, ReaderCredentials>): void => sessionStorage.setItem(sessionKey, JSON.stringify(secrets));

const keep = async (accountId: string, credentials: ReaderCredentials, remember: boolean): Promise<void> => {
  const others = readSession();
  delete others[accountId];
  if (remember) {
    await sealAccountSecret(db, accountId, credentials);
    writeSession(others);
  } else {
    await removeAccountSecret(db, accountId);
    writeSession({ ...others, [accountId]: credentials });
  }
};

export const webConnectAggregator = async ({ serverAddress, userName, password, remember }: AggregatorSignIn): Promise<Result<ConnectedAccount, UserMessage>> => {
  const server = checkServerAddress(serverAddress);
  if (!server.ok) return server;
  const signedIn = await signIn(browserReaderExchange, server.value, userName.trim(), password);
  if (!signedIn.ok) return fail(signedIn.error.error);
  const accountId = accountIdOf(server.value, userName.trim());
  await keep(accountId, { serverAddress: server.value, userName: userName.trim(), password, token: signedIn.value.token }, remember);
  return succeed({ accountId, serverAddress: server.value, userName: userName.trim(), service: serviceNameOf(server.value) });
};

export const webForgetAggregator = async (accountId: string): Promise<Result<null, UserMessage>> => {
  const others = readSession();
  delete others[accountId];
  writeSession(others);
  await removeAccountSecret(db, accountId);
  return succeed(null);
};

/** Every account's credentials this browser holds now: the session's and the remembered ones. */
export const webAccountCredentials = async (): Promise<[string, ReaderCredentials][]> => {
  // The log names no account: its id holds the person's user name.
  const remembered = await openAccountSecrets(db, (_accountId, thrown) => log.warn('accounts', 'A remembered account secret could not be opened', thrown));
  return [...Object.entries(readSession()), ...remembered];
};

/** A token the worker got by signing in again: kept where the account's secret is. */
export const keepWebToken = async (accountId: string, token: string): Promise<void> => {
  const session = readSession()[accountId];
  if (session !== undefined) {
    writeSession({ ...readSession(), [accountId]: { ...session, token } });
    return;
  }
  const remembered = (await openAccountSecrets(db, () => undefined)).get(accountId);
  if (remembered !== undefined) await sealAccountSecret(db, accountId, { ...remembered, token });
};
