// The Field News window: the news list, the reader and the status line, all read live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { errorMessages } from '../shared/errorMessages';
import type { NewsItem, NewsItemKey } from '../shared/feed/newsItem';
import { sampleFeedPath } from '../shared/feed/sampleFeed';
import { NewsList } from './components/NewsList';
import { ReaderPane } from './components/ReaderPane';
import { FeedSettings } from './components/FeedSettings';
import { StatusLine } from './components/StatusLine';
import { db, newsRepository } from './database';
import { importSampleOnFirstStart } from './sampleNews';
import { syncStatusText } from './sync/syncStatusText';
import { defaultSyncIntervalMinutes, startAutomaticSync, useSyncRunState } from './sync/syncService';
import { useLastLooked } from './useLastLooked';
import { useNow } from './useNow';
import { useOnlineStatus } from './useOnlineStatus';

const pageSize = 200;

const loadBundledSample = async (): Promise<string> => {
  const response = await fetch(sampleFeedPath);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.text();
};

export function App() {
  const online = useOnlineStatus();
  const [shownCount, setShownCount] = useState(pageSize);
  const [openedKey, setOpenedKey] = useState<NewsItemKey | null>(null);
  const [focusedIndex, setFocusedIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const sync = useSyncRunState();
  const nowMs = useNow(30_000);
  const lastLooked = useLastLooked();
  const intervalSetting = useLiveQuery(() => newsRepository.readSetting('syncIntervalMinutes'));
  const intervalMinutes = Number(intervalSetting ?? defaultSyncIntervalMinutes) || defaultSyncIntervalMinutes;

  const items = useLiveQuery(() => db.items.orderBy('sortDate').reverse().limit(shownCount).toArray(), [shownCount]);
  const savedCount = useLiveQuery(() => db.items.count());
  const openedItem = useLiveQuery(async () => (openedKey ? ((await db.items.get(openedKey)) ?? null) : null), [openedKey]);

  useEffect(() => {
    importSampleOnFirstStart(newsRepository, loadBundledSample)
      .then((result) => setProblem(result.ok ? null : result.error))
      .catch(() => setProblem(errorMessages.storageUnavailable));
  }, []);

  useEffect(() => startAutomaticSync(intervalMinutes), [intervalMinutes]);

  const openItem = (item: NewsItem) => {
    const key: NewsItemKey = [item.feedUrl, item.id];
    setOpenedKey(key);
    if (!item.read) void newsRepository.markRead(key);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Field News</h1>
        <FeedSettings syncing={sync.running} intervalMinutes={intervalMinutes} nowMs={nowMs} />
      </header>
      <main className="app-main">
        <div className="list-column">
          <NewsList
            items={items}
            openedKey={openedKey}
            focusedIndex={focusedIndex}
            onFocusIndex={setFocusedIndex}
            onOpen={openItem}
            newSince={lastLooked}
            emptyText="No news saved yet. Add a feed and sync when you are online."
          />
          {items !== undefined && savedCount !== undefined && items.length < savedCount && (
            <button type="button" className="show-more" onClick={() => setShownCount((count) => count + pageSize)}>
              Show older news
            </button>
          )}
        </div>
        <ReaderPane item={openedItem} />
      </main>
      <StatusLine text={syncStatusText({ online, sync, savedCount, nowMs })} syncing={sync.running} problem={problem} />
    </div>
  );
}
