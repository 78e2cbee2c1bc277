// The list's memory of the items it read lately, by key: the next keystroke's answer (or a scroll
// back) mostly lists items read a moment ago, and the list shows them at once while it reads them
// again (the read keeps them live). Bounded: the oldest remembered go first.
import { newsItemKeyText, type NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';

/** A few screens of several answers: enough for typing, small beside 100,000 stored items. */
export const recentItemLimit = 2_000;

export interface RecentItems {
  /** Keeps the items just read (undefined: a key with no item, not remembered). */
  remember(items: readonly (ItemRecord | undefined)[]): void;
  /** The items of keys[start, end) if every one of them was read lately, else undefined. */
  recall(keys: readonly NewsItemKey[], start: number, end: number): ItemRecord[] | undefined;
}

export const createRecentItems = (limit = recentItemLimit): RecentItems => {
  const byKey = new Map<string, ItemRecord>();
  return {
    remember(items) {
      for (const item of items) {
        if (item === undefined) continue;
        const key = newsItemKeyText(item);
        // Re-inserted, so a Map's insertion order is the order of last reading.
        byKey.delete(key);
        byKey.set(key, item);
      }
      for (const oldest of byKey.keys()) {
        if (byKey.size <= limit) break;
        byKey.delete(oldest);
      }
    },
    recall(keys, start, end) {
      const last = Math.min(end, keys.length);
      if (start >= last) return undefined;
      const items: ItemRecord[] = [];
      for (let row = Math.max(0, start); row < last; row += 1) {
        const key = keys[row];
        const item = key === undefined ? undefined : byKey.get(newsItemKeyText({ feedUrl: key[0], id: key[1] }));
        if (item === undefined) return undefined;
        items.push(item);
      }
      return items;
    },
  };
};
