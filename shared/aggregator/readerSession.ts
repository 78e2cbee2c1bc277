// Signing in to an aggregator and making calls as the signed-in user, the same in the main process
// (desktop app) and in the sync worker (web mode): ClientLogin trades the user name and API
// password for a token; a call the server refuses with 401 signs in again once, with the kept
// password, and is tried once more; a second refusal is said as such. The token and the password
// never leave here in a message or a log line.
import { errorMessages } from '../errorMessages';
import type { UserMessage } from '../i18n/userMessage';
import { fail, succeed, type Result } from '../result';
import { readSignIn } from './readerAnswers';
import { readerRequestOf, signInRequest, type ReaderCall, type ReaderHttpRequest } from './readerCalls';
import type { ReaderExchange } from './readerExchange';

/** What is kept to call as the user: the server, the name, the token, and the API password to sign in again. */
export interface ReaderCredentials {
  serverAddress: string;
  userName: string;
  password: string;
  token: string;
}

export type ReaderFailureReason = 'no-connection' | 'wrong-password' | 'signed-out' | 'not-reader-api' | 'server-error' | 'refused';

export interface ReaderFailure {
  reason: ReaderFailureReason;
  error: UserMessage;
  /** Technical words for the log (never the token or the password). */
  cause?: string;
}

/** What a call answers: its text and the bytes that came for it (sign-ins included). */
export type ReaderAnswer = Result<{ text: string; bytes: number }, ReaderFailure & { bytes: number }>;

export type Exchange = (request: ReaderHttpRequest, authorization: string | null) => Promise<ReaderExchange>;

/** The service's name for the status line: FreshRSS by its API's address, else the server's host. */
export const serviceNameOf = (serverAddress: string): string => {
  try {
    const url = new URL(serverAddress);
    if (/\/greader\.php\/?$/i.test(url.pathname)) return 'FreshRSS';
    return url.hostname;
  } catch {
    // A server address is checked before it is kept; this only keeps the name whole.
    return serverAddress.slice(0, 60);
  }
};

const statusFailure = (status: number): ReaderFailure =>
  status === 401 || status === 403
    ? { reason: 'wrong-password', error: errorMessages.aggregatorWrongPassword }
    : status === 404 || status === 400 || status === 405
      ? { reason: 'not-reader-api', error: errorMessages.aggregatorNotReaderApi }
      : { reason: 'server-error', error: errorMessages.aggregatorServerError(status) };

/** Signs in: the token, or why not (wrong password, not a Reader API, no connection). */
export const signIn = async (exchange: Exchange, serverAddress: string, userName: string, password: string): Promise<Result<{ token: string; bytes: number }, ReaderFailure & { bytes: number }>> => {
  const answer = await exchange(signInRequest(serverAddress, userName, password), null);
  if (!answer.ok) return fail({ reason: answer.reason === 'refused-address' ? 'refused' : 'no-connection', error: answer.error, bytes: answer.bytes, ...(answer.cause === undefined ? {} : { cause: answer.cause }) });
  if (answer.status !== 200) return fail({ ...statusFailure(answer.status), bytes: answer.bytes });
  const token = readSignIn(answer.text);
  if (!token.ok) return fail({ reason: 'not-reader-api', error: errorMessages.aggregatorNotReaderApi, bytes: answer.bytes });
  return succeed({ token: token.value, bytes: answer.bytes });
};

export const authorizationOf = (token: string): string => `GoogleLogin auth=${token}`;

/**
 * Makes `call` as the user of `credentials`; on a 401, signs in again once (telling `onToken` the
 * new token, for the shell to keep) and tries once more. A second 401 means the password changed
 * or the account is gone: 'signed-out', and the person is asked to connect again.
 */
export const callReader = async (exchange: Exchange, credentials: ReaderCredentials, call: ReaderCall, onToken: (token: string) => void): Promise<ReaderAnswer> => {
  const request = readerRequestOf(credentials.serverAddress, call);
  let bytes = 0;
  const once = async (token: string): Promise<ReaderExchange> => {
    const answer = await exchange(request, authorizationOf(token));
    bytes += answer.bytes;
    return answer;
  };
  const settle = (answer: ReaderExchange): ReaderAnswer => {
    if (!answer.ok) return fail({ reason: answer.reason === 'refused-address' ? 'refused' : 'no-connection', error: answer.error, bytes, ...(answer.cause === undefined ? {} : { cause: answer.cause }) });
    if (answer.status === 200) return succeed({ text: answer.text, bytes });
    return fail({ ...statusFailure(answer.status), bytes });
  };
  const first = await once(credentials.token);
  if (!first.ok || first.status !== 401) return settle(first);
  const again = await signIn(exchange, credentials.serverAddress, credentials.userName, credentials.password);
  bytes += again.ok ? again.value.bytes : again.error.bytes;
  if (!again.ok) {
    return fail(again.error.reason === 'wrong-password' ? { reason: 'signed-out', error: errorMessages.aggregatorSignedOut, bytes } : { ...again.error, bytes });
  }
  onToken(again.value.token);
  const second = await once(again.value.token);
  if (second.ok && second.status === 401) return fail({ reason: 'signed-out', error: errorMessages.aggregatorSignedOut, bytes });
  return settle(second);
};

/** A server address typed by a person, as kept: http(s), no query or fragment, no trailing slash. */
export const checkServerAddress = (typed: string): Result<string, UserMessage> => {
  const text = typed.trim();
  if (text.length === 0 || text.length > 2_000 || !URL.canParse(text)) return fail(errorMessages.aggregatorBadAddress);
  const url = new URL(text);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || url.username !== '' || url.password !== '') return fail(errorMessages.aggregatorBadAddress);
  url.search = '';
  url.hash = '';
  return succeed(url.href.replace(/\/+$/, ''));
};

/** One account per user and server: its id, which the main process's secrets and the database share. */
export const accountIdOf = (serverAddress: string, userName: string): string => `${userName}@${serverAddress}`;

/** What connecting gives the window: no token, no password. */
export interface ConnectedAccount {
  accountId: string;
  serverAddress: string;
  userName: string;
  service: string;
}
