import { describe, expect, it } from 'vitest';
import { syncLockName } from '../../../shared/sync/syncLockName';
import { waitWhileSyncing, type LockQuery } from '../../../renderer/threads/waitWhileSyncing';

/** Locks held by name, released at a given time on a fake clock that sleeping moves on. */
const fakeLocks = (held: { name: string; releasedAt: number }[]) => {
  let clock = 0;
  const locks: LockQuery = { query: () => Promise.resolve({ held: held.filter((lock) => lock.releasedAt > clock).map(({ name }) => ({ name })) }) };
  const sleeps: number[] = [];
  return {
    options: (maxWaitMs: number) => ({
      locks,
      pollMs: 250,
      maxWaitMs,
      now: () => clock,
      sleep: (ms: number) => {
        sleeps.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    }),
    sleeps,
    clock: () => clock,
  };
};

describe('waitWhileSyncing', () => {
  it('returns at once when no feed is syncing, whatever other locks are held', async () => {
    const world = fakeLocks([{ name: 'field-news-log-forwarder', releasedAt: Number.POSITIVE_INFINITY }]);
    expect(await waitWhileSyncing(world.options(10_000))).toBe(false);
    expect(world.sleeps).toEqual([]);
  });

  it('waits until the last sync lock is released', async () => {
    const world = fakeLocks([
      { name: syncLockName('https://a.example.org/feed.xml'), releasedAt: 600 },
      { name: syncLockName('https://b.example.org/feed.json'), releasedAt: 1_100 },
    ]);
    expect(await waitWhileSyncing(world.options(10_000))).toBe(true);
    expect(world.clock()).toBe(1_250);
  });

  it('stops waiting after its longest wait, so a long queue of syncs never starves the search', async () => {
    const world = fakeLocks([{ name: syncLockName('https://a.example.org/feed.xml'), releasedAt: Number.POSITIVE_INFINITY }]);
    expect(await waitWhileSyncing(world.options(2_000))).toBe(true);
    expect(world.clock()).toBe(2_000);
  });

  it('reads a lock manager that names no held locks as none', async () => {
    const options = { ...fakeLocks([]).options(1_000), locks: { query: () => Promise.resolve({}) } };
    expect(await waitWhileSyncing(options)).toBe(false);
  });
});
