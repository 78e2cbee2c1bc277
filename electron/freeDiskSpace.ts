// The room left on the file system that holds the app's data folder, read with statfs, so the sync
// can stop before a write that would fill the disk (see renderer/workers/sync/diskSpaceGuard.ts).
import { statfs } from 'node:fs/promises';
import type { FreeDiskSpace } from '../shared/bridge';

/**
 * Free and total bytes of the file system holding `folder`. Free is what an ordinary user may still
 * write (`bavail`), not what root could (`bfree`): the app never runs as root, and ext4 keeps about
 * 5% back for root, which Chromium's writes cannot use.
 */
export const readFreeDiskSpace = async (folder: string): Promise<FreeDiskSpace> => {
  const stats = await statfs(folder);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
};
