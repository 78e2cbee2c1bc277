import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askPersistentStorage, formatStorageSize, readStorageStatus, type StorageManagerLike } from '../../../../renderer/window/reader/storageStatus';

describe('storage status', () => {
  it('says what is used and what is left', async () => {
    const storage: StorageManagerLike = { estimate: () => Promise.resolve({ usage: 300, quota: 1_000 }), persisted: () => Promise.resolve(true) };
    expect(await readStorageStatus(storage)).toEqual({ usedBytes: 300, availableBytes: 700, persisted: true });
  });

  it('gives nulls, never a failure, for a browser without the API, one that refuses, or one that answers nonsense', async () => {
    expect(await readStorageStatus(undefined)).toEqual({ usedBytes: null, availableBytes: null, persisted: null });
    expect(await readStorageStatus({ estimate: () => Promise.reject(new Error('denied')), persisted: () => Promise.reject(new Error('denied')) })).toEqual({ usedBytes: null, availableBytes: null, persisted: null });
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (usage, quota, persisted) => {
        const storage = { estimate: () => Promise.resolve({ usage, quota }), persisted: () => Promise.resolve(persisted) } as unknown as StorageManagerLike;
        const status = await readStorageStatus(storage);
        for (const bytes of [status.usedBytes, status.availableBytes]) expect(bytes === null || (Number.isFinite(bytes) && bytes >= 0)).toBe(true);
        expect([true, false, null]).toContain(status.persisted);
      }),
    );
  });

  it('asks for persistent storage only when not granted yet, and a refusal is an answer', async () => {
    const asked: string[] = [];
    const storage = (persisted: boolean, grant: () => Promise<boolean>): StorageManagerLike => ({
      persisted: () => Promise.resolve(persisted),
      persist: () => {
        asked.push('persist');
        return grant();
      },
    });
    expect(await askPersistentStorage(storage(true, () => Promise.resolve(false)))).toBe(true);
    expect(asked).toEqual([]);
    expect(await askPersistentStorage(storage(false, () => Promise.resolve(true)))).toBe(true);
    expect(await askPersistentStorage(storage(false, () => Promise.reject(new Error('no'))))).toBe(false);
    expect(asked).toEqual(['persist', 'persist']);
    expect(await askPersistentStorage(undefined)).toBe(false);
  });
});

describe('storage sizes', () => {
  it('are said in megabytes, or gigabytes from a thousand megabytes, in the interface language', () => {
    expect(formatStorageSize(12_500_000, 'en')).toBe('12.5 MB');
    expect(formatStorageSize(2_340_000_000, 'en')).toBe('2.3 GB');
    expect(formatStorageSize(12_500_000, 'es')).toBe('12,5 MB');
  });
});
