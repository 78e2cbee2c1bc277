// The Field News window: a header (search, Sync now, Map, Settings), the three panes (sidebar | list |
// reader, or the map in the reader's place), the status line, and settings in a modal dialog.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorMessages } from '../../shared/errorMessages';
import { sampleFeedPath } from '../../shared/feed/sampleFeed';
import { AboutPanel } from './components/AboutPanel';
import { DataSettings } from './components/DataSettings';
import { FeedSettings } from './components/FeedSettings';
import { InterfaceSettings } from './components/InterfaceSettings';
import { ReaderWorkspace } from './components/ReaderWorkspace';
import { SearchBar } from './components/SearchBar';
import { SearchSummary } from './components/SearchSummary';
import { SettingsDialog } from './components/SettingsDialog';
import { ShortcutHelp } from './components/ShortcutHelp';
import { StatusLine } from './components/StatusLine';
import { SyncNowButton } from './components/SyncNowButton';
import { db, newsRepository } from './database';
import { log } from './log';
import { MapView } from './map/MapView';
import { useMapToggle } from './map/useMapToggle';
import { PictureSettings } from './pictures/PictureSettings';
import { placeTreeFromMarkers } from './reader/placeTree';
import { importSampleOnFirstStart } from './sampleNews';
import type { SearchFilters } from '../threads/searchContract';
import { startSearch, useMapMarkers, useSearchReadiness } from './search/searchClient';
import { useNewsSearch } from './search/useNewsSearch';
import { syncStatusText } from './sync/syncStatusText';
import { defaultSyncIntervalMinutes, startAutomaticSync, syncScheduler, useSyncRunState } from './sync/syncService';
import { useDatabaseLossNotice } from './useDatabaseLossNotice';
import { useNow } from './useNow';
import { useOnlineStatus } from './useOnlineStatus';
import { formatStoredMessage } from '../../shared/i18n/formatMessages';
import type { UserMessage } from '../../shared/i18n/userMessage';

/** How long the search worker waits at most for the list's first rows. */
const searchStartsAtTheLatestMs = 3_000;
/** The sidebar's places are those of every stored item: no query, no filter. */
const everyPlace: SearchFilters = { placeIds: [], from: null, to: null };

const loadBundledSample = async (): Promise<string> => {
  try {
    const response = await fetch(sampleFeedPath);
    if (!response.ok) throw new Error(`the bundled sample answered HTTP ${response.status}`);
    return await response.text();
  } catch (thrown) {
    log.warn('app', 'The bundled sample news could not be read', thrown);
    throw thrown;
  }
};

export function App() {
  const intl = useIntl();
  const online = useOnlineStatus();
  const searchField = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | 'settings' | null>(null);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  const databaseLoss = useDatabaseLossNotice();
  const sync = useSyncRunState();
  const nowMs = useNow(30_000);
  const search = useNewsSearch();
  const { mapOpen, toggleMap, closeMap } = useMapToggle();
  const searchReadiness = useSearchReadiness();
  const intervalSetting = useLiveQuery(() => newsRepository.readSetting('syncIntervalMinutes'));
  const intervalMinutes = Number(intervalSetting ?? defaultSyncIntervalMinutes) || defaultSyncIntervalMinutes;

  // Summed from the feed records: counting the items table walks every item, on every sync page.
  const savedCount = useLiveQuery(async () => (await db.feeds.toArray()).reduce((total, feed) => total + feed.itemCount, 0));

  useEffect(() => {
    importSampleOnFirstStart(newsRepository, loadBundledSample)
      .then((result) => setProblem(result.ok ? null : result.error))
      .catch((thrown: unknown) => {
        log.error('storage', 'The sample news could not be stored on first start', thrown);
        setProblem(errorMessages.storageUnavailable);
      });
  }, []);

  // The search worker (the gazetteer, then a read of every stored item to index it) keeps IndexedDB
  // busy for seconds with 100,000 items: it starts once the list's first rows are on screen, or after
  // a few seconds whatever happens, so the first paint never waits for it.
  const [listShown, setListShown] = useState(false);
  const onFirstRows = useCallback(() => setListShown(true), []);
  useEffect(() => {
    const atTheLatest = window.setTimeout(() => setListShown(true), searchStartsAtTheLatestMs);
    return () => window.clearTimeout(atTheLatest);
  }, []);
  // The places of stored news, from the search worker once its index is ready: the list never waits for it.
  const markers = useMapMarkers('', everyPlace, listShown);
  const placeTree = useMemo(() => {
    if (!markers) return null;
    const regionNames = new Intl.DisplayNames([intl.locale], { type: 'region', fallback: 'code' });
    return placeTreeFromMarkers(markers, (code) => regionNames.of(code) ?? code);
  }, [markers, intl.locale]);
  const placeLabels = useMemo(() => new Map((markers ?? []).map((marker) => [marker.placeId, marker.label])), [markers]);
  const placeLabel = useCallback((placeId: string) => placeLabels.get(placeId) ?? null, [placeLabels]);

  // The sync at start-up writes to the feeds and items the first rows are read from: it waits for them too.
  useEffect(() => (listShown ? startAutomaticSync(intervalMinutes) : undefined), [listShown, intervalMinutes]);
  useEffect(() => {
    if (!listShown) return;
    const afterPaint = window.setTimeout(startSearch, 0);
    return () => window.clearTimeout(afterPaint);
  }, [listShown]);


  const windowKeys = {
    focusSearch: () => {
      searchField.current?.focus();
      searchField.current?.select();
    },
    sync: () => void syncScheduler.run({ manual: true }),
    showHelp: () => setDialog('shortcuts'),
    dialogOpen: dialog !== null,
  };
  const closeDialog = () => setDialog(null);

  return (
    <div className="app">
      <header className="app-header">
        <a className="skip-link" href="#news-list">
          <FormattedMessage id="app.skipToList" />
        </a>
        <h1 className="app-title">
          <FormattedMessage id="app.title" />
        </h1>
        <SearchBar
          ref={searchField}
          query={search.query}
          onQuery={search.setQuery}
          answer={search.answer}
          chips={search.chips}
          onPickPlace={search.pickPlace}
          onRemoveChip={search.removeChip}
          from={search.from}
          to={search.to}
          onDates={search.setDates}
          unavailable={searchReadiness.state === 'unavailable' ? formatStoredMessage(intl, searchReadiness.message) : null}
        />
        <div className="header-actions">
          <SyncNowButton syncing={sync.running} />
          <button type="button" className="map-toggle" aria-pressed={mapOpen} aria-keyshortcuts="Alt+M" onClick={toggleMap}>
            <FormattedMessage id="map.button" />
          </button>
          <button type="button" className="settings-button" onClick={() => setDialog('settings')}>
            <FormattedMessage id="panes.settings" />
          </button>
        </div>
      </header>
      <main className="app-main">
        <ReaderWorkspace
          search={search}
          placeTree={placeTree}
          placeLabel={placeLabel}
          locale={intl.locale}
          nowMs={nowMs}
          listHeader={
            search.active && (
              <>
                <SearchSummary search={search} readiness={searchReadiness} onTryPlace={search.setQuery} />
                {/* Dates alone are read a page at a time from the date index; a word or place answer lists every hit. */}
                {!search.answer && search.hasMore && (
                  <button type="button" className="show-more" onClick={search.showMore}>
                    <FormattedMessage id="app.showMoreResults" />
                  </button>
                )}
              </>
            )
          }
          readerOverride={mapOpen ? <MapView search={search} /> : undefined}
          onOpened={closeMap}
          onFirstRows={onFirstRows}
          windowKeys={windowKeys}
        />
      </main>
      <StatusLine text={syncStatusText(intl, { online, sync, savedCount, nowMs })} syncing={sync.running} problem={databaseLoss ?? (problem === null ? null : formatStoredMessage(intl, problem))} />
      {dialog === 'settings' && (
        <SettingsDialog onClose={closeDialog} locale={intl.locale}>
          <FeedSettings intervalMinutes={intervalMinutes} nowMs={nowMs} />
          <InterfaceSettings onShowShortcuts={() => setDialog('shortcuts')} onShowAbout={() => setDialog('about')} />
          <PictureSettings />
          <DataSettings />
        </SettingsDialog>
      )}
      {dialog === 'shortcuts' && <ShortcutHelp onClose={closeDialog} />}
      {dialog === 'about' && <AboutPanel onClose={closeDialog} />}
    </div>
  );
}
