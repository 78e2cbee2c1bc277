// An open item counts as read once it has stayed open a moment; moving on before that leaves it
// unread, so flicking past with j/k does not count. Once read this way, or marked by hand, the item
// is left as the user has it until it is opened anew.
import { useCallback, useEffect, useRef } from 'react';
import { newsItemKeyFromText, newsItemKeyText, type NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';

export const useMarkReadOnSettle = (openedItem: ItemRecord | null | undefined, markReadDelayMs: number, repository: Pick<NewsRepository, 'markRead' | 'markUnread'>) => {
  // Keyed by the item and its flag, not the record: a sync or the tagger rewriting the record must not restart the wait.
  const unreadOpenedKey = openedItem && !openedItem.read ? newsItemKeyText(openedItem) : null;
  const settled = useRef<string | null>(null);
  useEffect(() => {
    if (unreadOpenedKey === null || settled.current === unreadOpenedKey || !Number.isFinite(markReadDelayMs)) return;
    const timer = window.setTimeout(() => {
      settled.current = unreadOpenedKey;
      void repository.markRead(newsItemKeyFromText(unreadOpenedKey));
    }, Math.max(0, markReadDelayMs));
    return () => window.clearTimeout(timer);
  }, [unreadOpenedKey, markReadDelayMs, repository]);

  /** An item opened anew: its wait starts over. */
  const openedAnew = useCallback(() => {
    settled.current = null;
  }, []);
  /** Read or unread by hand: the wait does not undo it. */
  const toggleRead = useCallback(
    (item: ItemRecord) => {
      settled.current = newsItemKeyText(item);
      const key: NewsItemKey = [item.feedUrl, item.id];
      void (item.read ? repository.markUnread(key) : repository.markRead(key));
    },
    [repository],
  );
  return { openedAnew, toggleRead };
};
