// Stops the sync before a page is written into a nearly full disk: Chromium answers a write that
// does not fit by closing the database and may delete it whole (electron/electron#41877), so the
// only safe write on a full disk is the one never made.
import type { FreeDiskSpace } from '../../../shared/bridge';
import { errorMessages } from '../../../shared/errorMessages';
import { fail, type Result } from '../../../shared/result';
import type { UserMessage } from '../../../shared/i18n/userMessage';

/** Below this much room no page is written, however small. */
export const minimumFreeBytes = 200 * 1024 * 1024;
/** A page takes several times its text in IndexedDB (indexes, the log, LevelDB's compaction copies). */
export const pageBytesFactor = 20;
/** How long one reading of the free space is trusted: a sync writes a page every few hundred ms. */
export const freeSpaceCacheMs = 5_000;

export interface DiskSpaceGuard {
  /** True when a page of about `pageBytes` may be written; false when the disk is too full for it. */
  hasRoomFor(pageBytes: number): Promise<boolean>;
}

export interface DiskSpaceGuardOptions {
  readFreeSpace: () => Promise<Result<FreeDiskSpace, UserMessage>>;
  now: () => number;
  /** Told when the free space cannot be read (the page is then written: the check is a defence, not a gate). */
  onUnknown?: (error: UserMessage) => void;
  /** Told what the reading threw (it should answer with a value), before onUnknown. */
  onReadFailure?: (thrown: unknown) => void;
}

/** The room a page needs: the fixed margin, or twenty times the page when that is more. */
export const roomNeeded = (pageBytes: number): number => Math.max(minimumFreeBytes, pageBytesFactor * pageBytes);

export const createDiskSpaceGuard = (options: DiskSpaceGuardOptions): DiskSpaceGuard => {
  let reading: { freeBytes: number; readAt: number } | null = null;
  return {
    hasRoomFor: async (pageBytes) => {
      const now = options.now();
      if (reading === null || now - reading.readAt >= freeSpaceCacheMs) {
        const answer = await options.readFreeSpace().catch((error: unknown) => {
          options.onReadFailure?.(error);
          return fail<FreeDiskSpace, UserMessage>(errorMessages.freeSpaceUnknown);
        });
        if (!answer.ok) {
          options.onUnknown?.(answer.error);
          return true;
        }
        reading = { freeBytes: answer.value.freeBytes, readAt: now };
      }
      if (reading.freeBytes < roomNeeded(pageBytes)) return false;
      // Until the next reading, count the page as written, so a burst of pages cannot outrun the cache.
      reading.freeBytes -= pageBytes;
      return true;
    },
  };
};

/** Two bytes per code unit of a value written out as JSON, counted without writing it. */
const textBytes = (value: unknown): number => {
  if (typeof value === 'string') return 2 * (value.length + 3);
  if (typeof value === 'number') return 2 * 24;
  if (value === null || value === undefined || typeof value === 'boolean') return 2 * 5;
  if (Array.isArray(value)) return value.reduce((total: number, entry: unknown) => total + textBytes(entry) + 2, 4);
  if (typeof value === 'object') {
    let total = 4;
    for (const [key, entry] of Object.entries(value)) total += 2 * (key.length + 4) + textBytes(entry);
    return total;
  }
  return 2 * 5;
};

/**
 * About how many bytes a page's items take as text (UTF-16 in the structured clone: two per code
 * unit). Counted, not written out: a JSON text of every page cost a large sync a tenth of its time.
 */
export const estimatePageBytes = (items: readonly unknown[]): number => textBytes(items);
