// "Export my news", as the UI calls it: the backup of this window's database, and its file name.
import { backupFileName } from '../../../shared/backup/backupFormat';
import { db as appDb } from '../database';
import { log } from '../log';
import { writeBackup, type BackupExportProgress } from './backupWriter';

export type { BackupExportProgress } from './backupWriter';

export const exportBackup = async (onProgress?: (progress: BackupExportProgress) => void): Promise<Blob> => {
  const started = performance.now();
  let items = 0;
  const blob = await writeBackup(appDb, {
    onProgress: (progress) => {
      items = progress.itemsWritten;
      onProgress?.(progress);
    },
  });
  log.info('backup', `Exported ${items} items (${blob.size} bytes) in ${Math.round(performance.now() - started)} ms`);
  return blob;
};

/** The file name to suggest for a backup taken now: `field-news-backup-YYYY-MM-DD.json`. */
export const suggestedBackupFileName = (): string => backupFileName(new Date());
