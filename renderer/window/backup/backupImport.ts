// Merges a backup file into the stored news ("Import") without duplicates, newer edits winning.
// The file is read twice: once to check all of it (a damaged, foreign or too-new file changes
// nothing), then again to write its items in batches, so 100,000 items never sit in memory at once.
import { backupCaps, backupItemSchema, type BackupCaps, type BackupFeed, type BackupItem } from '../../../shared/backup/backupFormat';
import { createBackupReader } from '../../../shared/backup/backupReader';
import { createBackupCheck } from '../../../shared/backup/checkBackup';
import { clampBackupItemDates, latestBackupMoment } from '../../../shared/backup/mergeBackupItem';
import { errorMessages } from '../../../shared/errorMessages';
import { fail, succeed, type Result } from '../../../shared/result';
import { createBackupRepository } from '../../db/backupRepository';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { userMessage, type UserMessage } from '../../../shared/i18n/userMessage';

export type BackupImportProgress =
  | { phase: 'checking'; bytesRead: number; bytesTotal: number }
  | { phase: 'writing'; itemsWritten: number; itemsTotal: number };

export interface BackupImportSummary {
  feedsAdded: number;
  itemsAdded: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  /** The file's choices that remove news or pictures (retention, the pictures' budget), left as they are here. */
  settingsKeptHere: number;
}

/** What the import summary says, sentence by sentence: the counts, then the settings left as they are, if the file had any. */
export const importSummaryMessages = (summary: BackupImportSummary): UserMessage[] => [
  userMessage('data.imported', { feeds: summary.feedsAdded, items: summary.itemsAdded, updated: summary.itemsUpdated, unchanged: summary.itemsUnchanged }),
  ...(summary.settingsKeptHere > 0 ? [userMessage('data.importedSettingsKept')] : []),
];

export interface BackupImportOptions {
  onProgress?: (progress: BackupImportProgress) => void;
  /** Items written per transaction. */
  batchSize?: number;
  caps?: BackupCaps;
  clock?: () => Date;
  /** Where a failure while writing is told (the window's log in the app). */
  onWriteFailure: (thrown: unknown) => void;
}

type ReadOutcome = 'read' | 'notText' | 'unreadable' | 'stopped';

/**
 * Decodes the file as UTF-8 piece by piece and hands each piece to `onText`; an `onText` that
 * returns false stops the reading. Bytes that are not UTF-8 mean the file is no backup.
 */
const readFileText = async (file: Blob, onText: (text: string, bytesRead: number) => Promise<boolean> | boolean): Promise<ReadOutcome> => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = file.stream().getReader();
  } catch {
    return 'unreadable';
  }
  let bytesRead = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The file went away or changed on disk while being read: said as "could not read this file".
      return 'unreadable';
    }
    let text: string;
    try {
      text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
    } catch {
      // Not UTF-8: said as "not readable JSON text", the decoder's own wording would not help.
      await reader.cancel();
      return 'notText';
    }
    if (!chunk.done) bytesRead += chunk.value.byteLength;
    if (!(await onText(text, bytesRead))) {
      await reader.cancel();
      return 'stopped';
    }
    if (chunk.done) return 'read';
  }
};

export const importBackupInto = async (db: FieldNewsDb, file: Blob, options: BackupImportOptions): Promise<Result<BackupImportSummary, UserMessage>> => {
  const caps = options.caps ?? backupCaps;
  const batchSize = options.batchSize ?? 1_000;
  if (file.size > caps.fileBytes) {
    return fail(errorMessages.backupFileTooLarge(Math.round(caps.fileBytes / 1024 ** 2)));
  }

  const check = createBackupCheck(caps);
  const checking = await readFileText(file, (text, bytesRead) => {
    options.onProgress?.({ phase: 'checking', bytesRead, bytesTotal: file.size });
    // A file that is no JSON, or no backup, is refused at its first bytes, not after reading all of it.
    return check.push(text);
  });
  if (checking === 'unreadable') return fail(errorMessages.backupUnreadable);
  if (checking === 'notText') return fail(errorMessages.backupNotJson);
  const checked = check.end();
  if (!checked.ok) return checked;

  const clock = options.clock ?? (() => new Date());
  const repository = createBackupRepository(db, clock);
  const feeds = new Map<string, BackupFeed>(checked.value.feeds.map((feed) => [feed.url, feed]));
  const latest = latestBackupMoment(checked.value.header.exportedAt, clock().toISOString());
  const summary: BackupImportSummary = { feedsAdded: 0, itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 0, settingsKeptHere: 0 };
  const itemsTotal = checked.value.itemCount;
  let itemsWritten = 0;
  let pending: BackupItem[] = [];
  let changedUnderfoot = false;

  const writeBatch = async (batch: BackupItem[]) => {
    const count = await repository.storeBackupItems(batch, feeds);
    summary.itemsAdded += count.added;
    summary.itemsUpdated += count.updated;
    summary.itemsUnchanged += count.unchanged;
    itemsWritten += batch.length;
    options.onProgress?.({ phase: 'writing', itemsWritten, itemsTotal });
  };

  const reader = createBackupReader(
    {
      onHeader: () => undefined,
      onEntry: (list, value) => {
        if (list !== 'items') return;
        const item = backupItemSchema.safeParse(value);
        if (item.success) pending.push(clampBackupItemDates(item.data, latest));
        else changedUnderfoot = true;
      },
    },
    caps,
  );

  try {
    ({ feedsAdded: summary.feedsAdded, settingsKeptHere: summary.settingsKeptHere } = await repository.storeBackupFeedsAndSettings(checked.value.feeds, checked.value.settings));
    const writing = await readFileText(file, async (text) => {
      if (reader.push(text) || changedUnderfoot) return false;
      while (pending.length >= batchSize) {
        const batch = pending.slice(0, batchSize);
        pending = pending.slice(batchSize);
        await writeBatch(batch);
      }
      return true;
    });
    // The first reading found the file whole; if the second does not, the file changed or went away in between.
    if (writing !== 'read' || reader.end() || changedUnderfoot) return fail(errorMessages.backupStoppedReading);
    if (pending.length > 0) await writeBatch(pending);
  } catch (thrown) {
    options.onWriteFailure(thrown);
    return fail(errorMessages.backupNotSaved);
  }
  return succeed(summary);
};
