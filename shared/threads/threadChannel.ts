// The one way two Field News threads talk: the window and a worker, a worker and its own worker, a
// worker and the main process over a MessagePort. Typed calls answered once (ids, a time limit that
// any word from the other side renews, the other side stopping), one-way events, and bytes moved
// rather than copied. Errors are values: a call settles with `{ ok: false, error }`, never a throw.
import { describeThrown } from '../describeThrown';
import type { Result } from '../result';

/** What a channel needs of a Worker, a worker's global scope, a MessagePort or an adapter of Electron's. */
export interface ChannelEndpoint {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Why a call got no answer. `threw`: the handler on the other side threw; `detail` says what. */
export interface ThreadFailure {
  reason: 'timeout' | 'stopped' | 'threw' | 'refused';
  detail: string;
}

/** The calls one side answers: each takes one plain argument and returns plain data (or its promise). */
export type CallMap = Record<string, (argument: never) => unknown>;

/** The events one side sends: name → payload. */
export type EventMap = Record<string, unknown>;

/** A handler's answer that moves buffers to the caller instead of copying them. */
export interface Moved<T> {
  readonly moved: T;
  readonly transfer: unknown[];
}

export const moving = <T>(value: T, transfer: unknown[]): Moved<T> => ({ moved: value, transfer });

type Handlers<Calls extends CallMap> = {
  [Name in keyof Calls]: (argument: Parameters<Calls[Name]>[0]) => Awaited<ReturnType<Calls[Name]>> | Moved<Awaited<ReturnType<Calls[Name]>>> | Promise<Awaited<ReturnType<Calls[Name]>> | Moved<Awaited<ReturnType<Calls[Name]>>>>;
};

export interface CallOptions {
  /** Buffers to move to the other side with the argument. */
  transfer?: unknown[];
  /** Settle with `timeout` when the other side says nothing at all for this long (any message renews it). */
  quietLimitMs?: number;
}

export interface ThreadChannel<Remote extends CallMap, RemoteEvents extends EventMap, LocalEvents extends EventMap> {
  call<Name extends keyof Remote & string>(name: Name, argument: Parameters<Remote[Name]>[0], options?: CallOptions): Promise<Result<Awaited<ReturnType<Remote[Name]>>, ThreadFailure>>;
  emit<Name extends keyof LocalEvents & string>(name: Name, payload: LocalEvents[Name], transfer?: unknown[]): void;
  on<Name extends keyof RemoteEvents & string>(name: Name, listener: (payload: RemoteEvents[Name]) => void): () => void;
  /** Settles every call waiting with `stopped` (the other side died or was ended); later calls too. */
  stop(detail: string): void;
  /** Calls still waiting for an answer. */
  readonly waiting: number;
}

export interface ChannelOptions<Local extends CallMap> {
  /** The calls this side answers. */
  serve?: Partial<Handlers<Local>>;
  /** A handler threw: where this side logs it (the caller gets `threw` with the same words). */
  onHandlerError?: (name: string, thrown: unknown) => void;
}

/** The envelope on the wire; `fieldNews` tells our messages from any other on a shared endpoint. */
export type ChannelMessage =
  | { fieldNews: 'call'; id: number; name: string; argument: unknown }
  | { fieldNews: 'reply'; id: number; ok: true; value: unknown }
  | { fieldNews: 'reply'; id: number; ok: false; error: ThreadFailure }
  | { fieldNews: 'event'; name: string; payload: unknown };

const kinds = new Set(['call', 'reply', 'event']);

/** Our envelope, or null for anything else that arrives on the endpoint. */
export const readChannelMessage = (data: unknown): ChannelMessage | null =>
  typeof data === 'object' && data !== null && 'fieldNews' in data && kinds.has(String(data.fieldNews)) ? (data as ChannelMessage) : null;

const isMoved = (answer: unknown): answer is Moved<unknown> => typeof answer === 'object' && answer !== null && 'moved' in answer && 'transfer' in answer;

interface Pending {
  settle: (result: Result<unknown, ThreadFailure>) => void;
  quietLimitMs: number | null;
  timer: unknown;
}

const answerCall = async <Local extends CallMap>(endpoint: ChannelEndpoint, options: ChannelOptions<Local>, message: Extract<ChannelMessage, { fieldNews: 'call' }>) => {
  const handler = (options.serve as Record<string, ((argument: unknown) => unknown) | undefined> | undefined)?.[message.name];
  if (handler === undefined) {
    endpoint.postMessage({ fieldNews: 'reply', id: message.id, ok: false, error: { reason: 'refused', detail: `no call named ${message.name}` } });
    return;
  }
  try {
    const answer = await handler(message.argument);
    if (isMoved(answer)) endpoint.postMessage({ fieldNews: 'reply', id: message.id, ok: true, value: answer.moved }, answer.transfer);
    else endpoint.postMessage({ fieldNews: 'reply', id: message.id, ok: true, value: answer });
  } catch (thrown) {
    options.onHandlerError?.(message.name, thrown);
    endpoint.postMessage({ fieldNews: 'reply', id: message.id, ok: false, error: { reason: 'threw', detail: describeThrown(thrown) } });
  }
};

export const createThreadChannel = <Remote extends CallMap, Local extends CallMap = CallMap, RemoteEvents extends EventMap = EventMap, LocalEvents extends EventMap = EventMap>(
  endpoint: ChannelEndpoint,
  options: ChannelOptions<Local> = {},
): ThreadChannel<Remote, RemoteEvents, LocalEvents> => {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let stopped: string | null = null;
  let nextId = 1;

  const settle = (id: number, result: Result<unknown, ThreadFailure>) => {
    const call = pending.get(id);
    if (call === undefined) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.settle(result);
  };
  const arm = (id: number, call: Pending) => {
    if (call.quietLimitMs === null) return;
    const limit = call.quietLimitMs;
    clearTimeout(call.timer);
    call.timer = setTimeout(() => settle(id, { ok: false, error: { reason: 'timeout', detail: `no word for ${limit} ms` } }), limit);
  };

  endpoint.addEventListener('message', (event) => {
    const message = readChannelMessage(event.data);
    if (message === null) return;
    // Any word renews the time limit of every call waiting: a long sync reports progress as it goes.
    for (const [id, call] of pending) arm(id, call);
    switch (message.fieldNews) {
      case 'call':
        void answerCall(endpoint, options, message);
        return;
      case 'reply':
        settle(message.id, message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        return;
      case 'event':
        listeners.get(message.name)?.forEach((listener) => listener(message.payload));
        return;
    }
  });

  return {
    call: (name, argument, callOptions = {}) =>
      new Promise((resolve) => {
        if (stopped !== null) return resolve({ ok: false, error: { reason: 'stopped', detail: stopped } });
        const id = nextId++;
        const call: Pending = { settle: resolve as Pending['settle'], quietLimitMs: callOptions.quietLimitMs ?? null, timer: undefined };
        pending.set(id, call);
        arm(id, call);
        try {
          endpoint.postMessage({ fieldNews: 'call', id, name, argument }, callOptions.transfer ?? []);
        } catch (thrown) {
          // A value that cannot be cloned, or a port already closed: the call settles now, in words.
          settle(id, { ok: false, error: { reason: 'refused', detail: describeThrown(thrown) } });
        }
      }),
    emit: (name, payload, transfer = []) => endpoint.postMessage({ fieldNews: 'event', name, payload }, transfer),
    on: (name, listener) => {
      const named = listeners.get(name) ?? new Set();
      listeners.set(name, named);
      named.add(listener as (payload: unknown) => void);
      return () => void named.delete(listener as (payload: unknown) => void);
    },
    stop: (detail) => {
      stopped = detail;
      for (const id of [...pending.keys()]) settle(id, { ok: false, error: { reason: 'stopped', detail } });
    },
    get waiting() {
      return pending.size;
    },
  };
};
