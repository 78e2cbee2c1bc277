// How an item from a backup merges into the stored news: content by the feed's own rule (the newer
// `dateModified` wins), and the reader's flags so that a restore never takes anything away.
import type { FeedItem } from '../feed/feedItem';
import { mergeFeedItem, type NewsItem } from '../feed/newsItem';
import type { BackupItem } from './backupFormat';

/**
 * The latest moment a backup's dates may name: the time the backup says it was taken, or now if
 * that is earlier (a file may claim any time). Both in UTC ISO form.
 */
export const latestBackupMoment = (exportedAt: string, now: string): string => (Date.parse(exportedAt) <= Date.parse(now) ? exportedAt : now);

const notAfter = (date: string, latest: string): string => (Date.parse(date) > Date.parse(latest) ? latest : date);

/**
 * The item with its dates brought back to `latest` (latestBackupMoment): no backup holds an edit made
 * after it was taken. Without this an item dated 9999-12-31 would win every later merge, by the sync
 * too, and its text could never be corrected again; a first-seen time from the future would keep it
 * "New"; an article "saved" in the future would win over every article saved here later.
 */
export const clampBackupItemDates = (item: BackupItem, latest: string): BackupItem => ({
  ...item,
  dateModified: item.dateModified === null ? null : notAfter(item.dateModified, latest),
  firstSeenAt: notAfter(item.firstSeenAt, latest),
  ...(item.article ? { article: { ...item.article, savedAt: notAfter(item.article.savedAt, latest) } } : {}),
});

/** The item as its feed gave it, without the reader's flags. */
export const feedItemOfBackup = (item: BackupItem): FeedItem => ({
  id: item.id,
  title: item.title,
  url: item.url,
  contentText: item.contentText,
  contentHtml: item.contentHtml,
  summary: item.summary,
  datePublished: item.datePublished,
  dateModified: item.dateModified,
  tags: item.tags,
  authors: item.authors,
  imageUrl: item.imageUrl,
  point: item.point,
});

/**
 * The item to store for a backup's copy, or null when the stored copy already says everything the
 * backup does (nothing to write).
 *
 * Flags: the store keeps no time of a flag's change, so "the newer edit wins" cannot be decided for
 * them; instead a flag set on either side stays set. Read: the app has no "mark unread", so read
 * only ever goes from false to true, and "either read" is exactly the newer state. Starred: an old
 * backup restored onto a laptop that has since unstarred an item stars it again; that costs one
 * click to undo, while the other choice (the laptop's "not starred" wins) would silently drop a
 * bookmark the person made on the other machine, which they might never find again.
 * First seen: the stored time stays, as after a sync; a new item takes the backup's time, so news
 * restored onto a new laptop is not all marked "New".
 */
export const mergeBackupItem = (stored: NewsItem | undefined, item: BackupItem): NewsItem | null => {
  const content = mergeFeedItem(stored, feedItemOfBackup(item), item.feedUrl, item.firstSeenAt);
  const base = content ?? stored;
  // mergeFeedItem keeps the stored copy (null) only when there is one.
  if (!base) throw new Error('mergeBackupItem: no stored copy and no merged one');
  const read = base.read || item.read;
  const starred = base.starred || item.starred;
  if (!content && read === base.read && starred === base.starred) return null;
  return { ...base, read, starred };
};
