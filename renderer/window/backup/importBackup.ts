// "Import", as the UI calls it: merges a backup file into this window's database.
import type { Result } from '../../../shared/result';
import { rememberStoredNews } from '../../db/databaseLoss';
import { db as appDb, newsRepository } from '../database';
import { log } from '../log';
import { importBackupInto, type BackupImportProgress, type BackupImportSummary } from './backupImport';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { englishText } from '../../../shared/i18n/formatMessages';

export type { BackupImportProgress, BackupImportSummary } from './backupImport';
export { importSummaryMessages } from './backupImport';

export const importBackup = async (file: Blob, onProgress?: (progress: BackupImportProgress) => void): Promise<Result<BackupImportSummary, UserMessage>> => {
  const started = performance.now();
  const result = await importBackupInto(appDb, file, {
    onProgress,
    onWriteFailure: (thrown) => log.error('backup', 'Import stopped while writing', thrown),
  });
  const took = `${Math.round(performance.now() - started)} ms`;
  if (result.ok) {
    const { feedsAdded, itemsAdded, itemsUpdated, itemsUnchanged, articlesAdded, settingsKeptHere } = result.value;
    log.info(
      'backup',
      `Imported a backup of ${file.size} bytes in ${took}: ${feedsAdded} feeds added; items ${itemsAdded} added, ${itemsUpdated} updated, ${itemsUnchanged} unchanged; ${articlesAdded} saved articles taken; ${settingsKeptHere} settings that remove news or pictures left as they are`,
    );
    // The imported news is this computer's stored news now: a later loss of it is noticed, and a notice
    // that the news was lost goes.
    try {
      await rememberStoredNews({ db: appDb, repository: newsRepository, storage: localStorage });
    } catch (error) {
      // The import itself stands; only a later loss of this news would go unnoticed.
      log.warn('storage', 'Could not note that news is stored', error);
    }
  } else {
    // The refusal's own words: they name the file's problem, never its content.
    log.warn('backup', `Import refused after ${took}: ${englishText(result.error)}`);
  }
  return result;
};
