// Merges a backup file into the stored news ("Import") without duplicates, newer edits winning,
// each item with its saved article.
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
  /** Saved articles taken from the file (none was saved here for the item, or an older one). */
  articlesAdded: number;
  /** The file's choices that remove news or pictures (retention, the pictures' budget), left as they are here. */
  settingsKeptHere: number;
}

/** What the import summary says, sentence by sentence: the counts, the full articles if any came, then the settings left as they are, if the file had any. */
export const importSummaryMessages = (summary: BackupImportSummary): UserMessage[] => [
  userMessage('data.imported', { feeds: summary.feedsAdded, items: summary.itemsAdded, updated: summary.itemsUpdated, unchanged: summary.itemsUnchanged }),
  ...(summary.articlesAdded > 0 ? [userMessage('data.importedArticles', { count: summary.articlesAdded })] : []),
  ...(summary.settingsKeptHere > 0 ? [userMessage('data.importedSettingsKept')] : []),
];

export interface BackupImportOptions {
  onProgress?: (progress: BackupImportProgress) => void;
  /** Items written per transaction, at most. */
  batchSize?: number;
  /** Characters of text (items' and articles') per transaction, at most, but one item always fits. */
  batchCharacters?: number;
  caps?: BackupCaps;
  clock?: () => Date;
  /** Where a failure while writing is told (the window's log in the app). */
  onWriteFailure: (thrown: unknown) => void;
}

type ReadOutcome = 'read' | 'notText' | 'unreadable' | 'stopped';

/** The bulk of an item in memory and in a write: its three texts and its saved article's two. */
const textCharactersOf = (item: BackupItem): number =>
  (item.contentText?.length ?? 0) + (item.contentHtml?.length ?? 0) + (item.summary?.length ?? 0) + (item.article ? item.article.html.length + item.article.text.length : 0);

/**
 * How many of the pending items the next batch takes: `batchSize`, or fewer when their text reaches
 * `batchCharacters` first (at least one). A thousand items with full articles would otherwise hold
 * and write hundreds of megabytes at once.
 */
const nextBatchLength = (pending: readonly BackupItem[], batchSize: number, batchCharacters: number): number => {
  let characters = 0;
  for (const [index, item] of pending.slice(0, batchSize).entries()) {
    characters += textCharactersOf(item);
    if (characters >= batchCharacters) return index + 1;
  }
  return Math.min(pending.length, batchSize);
};

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
  const batchCharacters = options.batchCharacters ?? 16_000_000;
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
  const summary: BackupImportSummary = { feedsAdded: 0, itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 0, articlesAdded: 0, settingsKeptHere: 0 };
  const itemsTotal = checked.value.itemCount;
  let itemsWritten = 0;
  let pending: BackupItem[] = [];
  let pendingCharacters = 0;
  let changedUnderfoot = false;

  const writeBatch = async () => {
    const batch = pending.slice(0, nextBatchLength(pending, batchSize, batchCharacters));
    pending = pending.slice(batch.length);
    pendingCharacters -= batch.reduce((sum, item) => sum + textCharactersOf(item), 0);
    const count = await repository.storeBackupItems(batch, feeds);
    summary.itemsAdded += count.added;
    summary.itemsUpdated += count.updated;
    summary.itemsUnchanged += count.unchanged;
    summary.articlesAdded += count.articlesAdded;
    itemsWritten += batch.length;
    options.onProgress?.({ phase: 'writing', itemsWritten, itemsTotal });
  };

  const reader = createBackupReader(
    {
      onHeader: () => undefined,
      onEntry: (list, value) => {
        if (list !== 'items') return;
        const item = backupItemSchema.safeParse(value);
        if (!item.success) {
          changedUnderfoot = true;
          return;
        }
        pending.push(clampBackupItemDates(item.data, latest));
        pendingCharacters += textCharactersOf(item.data);
      },
    },
    caps,
  );

  try {
    ({ feedsAdded: summary.feedsAdded, settingsKeptHere: summary.settingsKeptHere } = await repository.storeBackupFeedsAndSettings(checked.value.feeds, checked.value.settings));
    const writing = await readFileText(file, async (text) => {
      if (reader.push(text) || changedUnderfoot) return false;
      while (pending.length > 0 && (pending.length >= batchSize || pendingCharacters >= batchCharacters)) await writeBatch();
      return true;
    });
    // The first reading found the file whole; if the second does not, the file changed or went away in between.
    if (writing !== 'read' || reader.end() || changedUnderfoot) return fail(errorMessages.backupStoppedReading);
    while (pending.length > 0) await writeBatch();
  } catch (thrown) {
    options.onWriteFailure(thrown);
    return fail(errorMessages.backupNotSaved);
  }
  return succeed(summary);
};
