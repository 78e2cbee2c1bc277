// The item open in the reader: which one, its record (live: a sync or a star shows at once), the
// request to focus its heading, and its read state after it stayed open a moment.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { db, newsRepository } from '../database';
import { useMarkReadOnSettle } from './useMarkReadOnSettle';

/** How long an item stays open before it counts as read; the setting `markReadDelayMs` changes it (0: at once). */
export const defaultMarkReadDelayMs = 800;

/** `onOpened` runs whenever an item opens (the narrow layout shows the reader, the map gives it its place back). */
export const useOpenedItem = (onOpened: () => void) => {
  const [openedKey, setOpenedKey] = useState<NewsItemKey | null>(null);
  const [headingFocus, setHeadingFocus] = useState(0);
  const markReadDelayMs = Number(useLiveQuery(() => newsRepository.readSetting('markReadDelayMs')) ?? defaultMarkReadDelayMs);
  const openedItem = useLiveQuery(async () => (openedKey ? ((await db.items.get(openedKey)) ?? null) : null), [openedKey]);
  const { openedAnew, toggleRead } = useMarkReadOnSettle(openedItem, markReadDelayMs, newsRepository);

  const openKey = useCallback(
    (key: NewsItemKey) => {
      openedAnew();
      setOpenedKey(key);
      setHeadingFocus((request) => request + 1);
      onOpened();
    },
    [onOpened, openedAnew],
  );
  const open = useCallback((item: ItemRecord) => openKey([item.feedUrl, item.id]), [openKey]);
  const close = useCallback(() => setOpenedKey(null), []);
  return { openedKey, openedItem, headingFocus, openKey, open, close, toggleRead };
};
