// The Web Lock a sync of one feed holds while it walks the feed's pages. Retention takes the same
// lock before removing a feed's items, and place tagging waits while any such lock is held.
const syncLockPrefix = 'field-news-sync ';

export const syncLockName = (feedUrl: string): string => `${syncLockPrefix}${feedUrl}`;

export const isSyncLockName = (name: unknown): boolean => typeof name === 'string' && name.startsWith(syncLockPrefix);
