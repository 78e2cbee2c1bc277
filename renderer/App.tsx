// The Field News window: the news list, the reader and the status line, all read live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { errorMessages } from '../shared/errorMessages';
import type { NewsItem, NewsItemKey } from '../shared/feed/newsItem';
import { sampleFeedPath } from '../shared/feed/sampleFeed';
import { NewsList } from './components/NewsList';
import { ReaderPane } from './components/ReaderPane';
import { StatusLine } from './components/StatusLine';
import { db, newsRepository } from './database';
import { importSampleOnFirstStart } from './sampleNews';
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

  const items = useLiveQuery(() => db.items.orderBy('sortDate').reverse().limit(shownCount).toArray(), [shownCount]);
  const savedCount = useLiveQuery(() => db.items.count());
  const openedItem = useLiveQuery(async () => (openedKey ? ((await db.items.get(openedKey)) ?? null) : null), [openedKey]);

  useEffect(() => {
    importSampleOnFirstStart(newsRepository, loadBundledSample)
      .then((result) => setProblem(result.ok ? null : result.error))
      .catch(() => setProblem(errorMessages.storageUnavailable));
  }, []);

  const openItem = (item: NewsItem) => {
    const key: NewsItemKey = [item.feedUrl, item.id];
    setOpenedKey(key);
    if (!item.read) void newsRepository.markRead(key);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Field News</h1>
      </header>
      <main className="app-main">
        <div className="list-column">
          <NewsList
            items={items}
            openedKey={openedKey}
            focusedIndex={focusedIndex}
            onFocusIndex={setFocusedIndex}
            onOpen={openItem}
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
      <StatusLine online={online} savedCount={savedCount} problem={problem} />
    </div>
  );
}
