// The Field News window: search, feeds, the news list, the reader and the status line,
// all read live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorMessages } from '../shared/errorMessages';
import { newsItemKeyText, type NewsItem, type NewsItemKey } from '../shared/feed/newsItem';
import { sampleFeedPath } from '../shared/feed/sampleFeed';
import { AboutPanel } from './components/AboutPanel';
import { FeedSettings } from './components/FeedSettings';
import { InterfaceSettings } from './components/InterfaceSettings';
import { NewsList } from './components/NewsList';
import { ReaderPane } from './components/ReaderPane';
import { SearchBar } from './components/SearchBar';
import { SearchSummary } from './components/SearchSummary';
import { ShortcutHelp } from './components/ShortcutHelp';
import { StatusLine } from './components/StatusLine';
import { db, newsRepository } from './database';
import { MapView } from './map/MapView';
import { useMapToggle } from './map/useMapToggle';
import { importSampleOnFirstStart } from './sampleNews';
import { refreshSearch, startSearch, useSearchReadiness } from './search/searchService';
import { useNewsSearch } from './search/useNewsSearch';
import { syncStatusText } from './sync/syncStatusText';
import { defaultSyncIntervalMinutes, startAutomaticSync, syncScheduler, useSyncRunState } from './sync/syncService';
import { useDatabaseLossNotice } from './useDatabaseLossNotice';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useLastLooked } from './useLastLooked';
import { useNow } from './useNow';
import { useOnlineStatus } from './useOnlineStatus';
import { formatStoredMessage } from '../shared/i18n/formatMessages';
import type { UserMessage } from '../shared/i18n/userMessage';

const pageSize = 200;
const noHighlights: readonly string[] = [];

const loadBundledSample = async (): Promise<string> => {
  const response = await fetch(sampleFeedPath);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.text();
};

export function App() {
  const intl = useIntl();
  const online = useOnlineStatus();
  const searchField = useRef<HTMLInputElement>(null);
  const listColumn = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | null>(null);
  const [shownCount, setShownCount] = useState(pageSize);
  const [openedKey, setOpenedKey] = useState<NewsItemKey | null>(null);
  const [focusedIndex, setFocusedIndex] = useState(0);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  const databaseLoss = useDatabaseLossNotice();
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
    setFocusRequest((request) => request + 1);
    if (!item.read) void newsRepository.markRead(key);
  }, [closeMap]);

  const toggleRead = useCallback((item: NewsItem) => {
    const key: NewsItemKey = [item.feedUrl, item.id];
    void (item.read ? newsRepository.markUnread(key) : newsRepository.markRead(key));
  }, []);
  const toggleStar = useCallback((item: NewsItem) => void newsRepository.setStarred([item.feedUrl, item.id], !item.starred), []);

  const focusListItem = (index: number) => {
    listColumn.current?.querySelectorAll<HTMLElement>('article[data-item-id]')[index]?.focus();
  };

  useKeyboardShortcuts({
    step: (direction) => {
      if (!items || items.length === 0) return;
      const openedIndex = openedKey ? items.findIndex((item) => item.feedUrl === openedKey[0] && item.id === openedKey[1]) : -1;
      const from = openedIndex >= 0 ? openedIndex : openedKey ? focusedIndex : focusedIndex - direction;
      const next = Math.max(0, Math.min(items.length - 1, from + direction));
      const item = items[next];
      if (!item) return;
      setFocusedIndex(next);
      openItem(item);
    },
    focusSearch: () => {
      searchField.current?.focus();
      searchField.current?.select();
    },
    escape: () => {
      if (dialog !== null) return false; // The dialog closes itself on Esc.
      if (openedKey) {
        setOpenedKey(null);
        focusListItem(focusedIndex);
        return true;
      }
      if (search.query) {
        search.setQuery('');
        return true;
      }
      return false;
    },
    toggleRead: () => openedItem && toggleRead(openedItem),
    toggleStar: () => openedItem && toggleStar(openedItem),
    sync: () => void syncScheduler.run({ manual: true }),
    showHelp: () => setDialog('shortcuts'),
  });

  const openedHighlights = (openedKey && search.highlights.get(newsItemKeyText({ feedUrl: openedKey[0], id: openedKey[1] }))) || noHighlights;

  return (
    <div className="app">
      <header className="app-header">
        <a className="skip-link" href="#news-list">
          <FormattedMessage id="app.skipToList" />
        </a>
        <h1 className="app-title">
          <FormattedMessage id="app.title" />
        </h1>
        <button type="button" className="map-toggle" aria-pressed={mapOpen} aria-keyshortcuts="Alt+M" onClick={toggleMap}>
          <FormattedMessage id="map.button" />
        </button>
        <SearchBar
          ref={searchField}
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
          unavailable={searchReadiness.state === 'unavailable' ? formatStoredMessage(intl, searchReadiness.message) : null}
        />
        <FeedSettings syncing={sync.running} intervalMinutes={intervalMinutes} nowMs={nowMs} />
        <InterfaceSettings onShowShortcuts={() => setDialog('shortcuts')} onShowAbout={() => setDialog('about')} />
      </header>
      <main className="app-main">
        <div className="list-column" id="news-list" ref={listColumn}>
          {search.active && <SearchSummary search={search} readiness={searchReadiness} onTryPlace={search.setQuery} />}
          <NewsList
            items={items}
            openedKey={openedKey}
            focusedIndex={focusedIndex}
            onFocusIndex={setFocusedIndex}
            onOpen={openItem}
            newSince={lastLooked}
            highlights={search.highlights}
            emptyText={intl.formatMessage({ id: search.active ? 'app.emptyNoMatch' : 'app.emptyNoNews' })}
          />
          {search.active && search.hasMore && (
            <button type="button" className="show-more" onClick={search.showMore}>
              <FormattedMessage id="app.showMoreResults" />
            </button>
          )}
          {!search.active && newest !== undefined && savedCount !== undefined && newest.length < savedCount && (
            <button type="button" className="show-more" onClick={() => setShownCount((count) => count + pageSize)}>
              <FormattedMessage id="app.showOlderNews" />
            </button>
          )}
        </div>
        {mapOpen ? <MapView search={search} /> : (
          <ReaderPane item={openedItem} highlightNames={openedHighlights} focusRequest={focusRequest} onToggleRead={toggleRead} onToggleStar={toggleStar} />
        )}
      </main>
      <StatusLine text={syncStatusText(intl, { online, sync, savedCount, nowMs })} syncing={sync.running} problem={databaseLoss ?? (problem === null ? null : formatStoredMessage(intl, problem))} />
      {dialog === 'shortcuts' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutPanel onClose={() => setDialog(null)} />}
    </div>
  );
}
