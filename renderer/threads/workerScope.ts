// A worker entry's own end of its thread channel: the worker's global scope. The renderer's types
// describe a window's globalThis (DOM), so each worker entry takes its scope from here, typed once.
import type { ChannelEndpoint } from '../../shared/threads/threadChannel';

export const workerScope = globalThis as unknown as ChannelEndpoint;
