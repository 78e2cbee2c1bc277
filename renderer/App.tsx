// The Field News window: search, feeds, the news list, the reader and the status line,
// all read live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessages } from '../shared/errorMessages';
import { newsItemKeyText, type NewsItem, type NewsItemKey } from '../shared/feed/newsItem';
import { sampleFeedPath } from '../shared/feed/sampleFeed';
import { FeedSettings } from './components/FeedSettings';
import { NewsList } from './components/NewsList';
import { ReaderPane } from './components/ReaderPane';
import { SearchBar } from './components/SearchBar';
import { SearchSummary } from './components/SearchSummary';
import { StatusLine } from './components/StatusLine';
import { db, newsRepository } from './database';
import { MapView } from './map/MapView';
import { useMapToggle } from './map/useMapToggle';
import { mapText } from '../shared/map/mapText';
import { importSampleOnFirstStart } from './sampleNews';
import { refreshSearch, startSearch, useSearchReadiness } from './search/searchService';
import { useNewsSearch } from './search/useNewsSearch';
import { syncStatusText } from './sync/syncStatusText';
import { defaultSyncIntervalMinutes, startAutomaticSync, useSyncRunState } from './sync/syncService';
import { useLastLooked } from './useLastLooked';
import { useNow } from './useNow';
import { useOnlineStatus } from './useOnlineStatus';

const pageSize = 200;
const noHighlights: readonly string[] = [];

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
  const search = useNewsSearch();
  const { mapOpen, toggleMap, closeMap } = useMapToggle();
  const searchReadiness = useSearchReadiness();
  const intervalSetting = useLiveQuery(() => newsRepository.readSetting('syncIntervalMinutes'));
  const intervalMinutes = Number(intervalSetting ?? defaultSyncIntervalMinutes) || defaultSyncIntervalMinutes;

  const newest = useLiveQuery(() => db.items.orderBy('sortDate').reverse().limit(shownCount).toArray(), [shownCount]);
  // Summed from the feed records: counting the items table walks every item, on every sync page.
  const savedCount = useLiveQuery(async () => (await db.feeds.toArray()).reduce((total, feed) => total + feed.itemCount, 0));
  const lastSearchRefresh = useRef(0);
  const openedItem = useLiveQuery(async () => (openedKey ? ((await db.items.get(openedKey)) ?? null) : null), [openedKey]);
  const items = search.active ? search.items : newest;

  useEffect(() => {
    importSampleOnFirstStart(newsRepository, loadBundledSample)
      .then((result) => setProblem(result.ok ? null : result.error))
      .catch(() => setProblem(errorMessages.storageUnavailable));
    // The gazetteer loads in the search worker once the list has had its first paint.
    const afterPaint = window.setTimeout(startSearch, 0);
    return () => window.clearTimeout(afterPaint);
  }, []);

  useEffect(() => startAutomaticSync(intervalMinutes), [intervalMinutes]);

  // Stored items changed (a sync page, an import, a removal): the worker tags and indexes them;
  // during a long sync at most every few seconds, so tagging does not compete with the sync's writes.
  useEffect(() => {
    if (savedCount === undefined) return;
    const now = Date.now();
    if (sync.running && now - lastSearchRefresh.current < 30_000) return;
    lastSearchRefresh.current = now;
    refreshSearch();
  }, [savedCount, sync.running, sync.lastRun]);

  const openItem = useCallback((item: NewsItem) => {
    const key: NewsItemKey = [item.feedUrl, item.id];
    setOpenedKey(key);
    closeMap();
    if (!item.read) void newsRepository.markRead(key);
  }, [closeMap]);

  const openedHighlights = (openedKey && search.highlights.get(newsItemKeyText({ feedUrl: openedKey[0], id: openedKey[1] }))) || noHighlights;

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Field News</h1>
        <button type="button" className="map-toggle" aria-pressed={mapOpen} aria-keyshortcuts="Alt+M" onClick={toggleMap}>
          {mapText.mapButton}
        </button>
        <SearchBar
          query={search.query}
          onQuery={(query) => {
            search.setQuery(query);
            setFocusedIndex(0);
          }}
          answer={search.answer}
          chips={search.chips}
          onPickPlace={search.pickPlace}
          onRemoveChip={search.removeChip}
          from={search.from}
          to={search.to}
          onDates={search.setDates}
          unavailable={searchReadiness.state === 'unavailable' ? searchReadiness.message : null}
        />
        <FeedSettings syncing={sync.running} intervalMinutes={intervalMinutes} nowMs={nowMs} />
      </header>
      <main className="app-main">
        <div className="list-column">
          {search.active && <SearchSummary search={search} readiness={searchReadiness} onTryPlace={search.setQuery} />}
          <NewsList
            items={items}
            openedKey={openedKey}
            focusedIndex={focusedIndex}
            onFocusIndex={setFocusedIndex}
            onOpen={openItem}
            newSince={lastLooked}
            highlights={search.highlights}
            emptyText={search.active ? 'No saved news matches.' : 'No news saved yet. Add a feed and sync when you are online.'}
          />
          {search.active && search.hasMore && (
            <button type="button" className="show-more" onClick={search.showMore}>
              Show more results
            </button>
          )}
          {!search.active && newest !== undefined && savedCount !== undefined && newest.length < savedCount && (
            <button type="button" className="show-more" onClick={() => setShownCount((count) => count + pageSize)}>
              Show older news
            </button>
          )}
        </div>
        {mapOpen ? <MapView search={search} /> : <ReaderPane item={openedItem} highlightNames={openedHighlights} />}
      </main>
      <StatusLine text={syncStatusText({ online, sync, savedCount, nowMs })} syncing={sync.running} problem={problem} />
    </div>
  );
}
