// The Field News window: a header (search, Sync now, Map, Settings), the three panes (sidebar | list |
// reader, or the map in the reader's place), the status line, and settings in a modal dialog.
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatStoredMessage } from '../../shared/i18n/formatMessages';
import { PhoneBar } from './components/PhoneBar';
import { ReaderWorkspace } from './components/ReaderWorkspace';
import { SearchBar } from './components/SearchBar';
import { SearchSummary } from './components/SearchSummary';
import { SyncStatusLine } from './components/SyncStatusLine';
import { SyncNowButton } from './components/SyncNowButton';
import { newsRepository } from './database';
import { useMapToggle } from './map/useMapToggle';
import { useStoredPlaces } from './reader/useStoredPlaces';
import { useSearchReadiness } from './search/searchClient';
import { useNewsSearch } from './search/useNewsSearch';
import { defaultSyncIntervalMinutes, syncScheduler } from './sync/syncService';
import { useDatabaseLossNotice } from './useDatabaseLossNotice';
import { useNow } from './useNow';
import { useOnlineStatus } from './useOnlineStatus';
import { useFirstStart, useStartAfterFirstRows } from './useStartUp';
import type { AppDialog } from './AppDialogs';
import { AppDialogs, MapView } from './onDemandParts';
import { UpdateNotice } from './webApp/UpdateNotice';

export function App() {
  const intl = useIntl();
  const online = useOnlineStatus();
  const searchField = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const { problem, settled: firstStartSettled } = useFirstStart();
  const databaseLoss = useDatabaseLossNotice();
  const nowMs = useNow(30_000);
  const search = useNewsSearch();
  const { mapOpen, toggleMap, closeMap } = useMapToggle();
  const searchReadiness = useSearchReadiness();
  const intervalSetting = useLiveQuery(() => newsRepository.readSetting('syncIntervalMinutes'));
  const intervalMinutes = Number(intervalSetting ?? defaultSyncIntervalMinutes) || defaultSyncIntervalMinutes;

  const { listShown, onFirstRows } = useStartAfterFirstRows(intervalMinutes, firstStartSettled);
  const { placeTree, placeOf } = useStoredPlaces(listShown, intl.locale);

  const windowKeys = {
    focusSearch: () => {
      searchField.current?.focus();
      searchField.current?.select();
    },
    sync: () => void syncScheduler.run({ manual: true }),
    showHelp: () => setDialog('shortcuts'),
    dialogOpen: dialog !== null,
  };

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
          <SyncNowButton />
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
          placeOf={placeOf}
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
          narrowBar={(narrow) => (
            <PhoneBar pane={narrow.pane} onPane={narrow.show} mapOpen={mapOpen} onMap={toggleMap} onSearch={windowKeys.focusSearch} onSettings={() => setDialog('settings')} />
          )}
          onFirstRows={onFirstRows}
          windowKeys={windowKeys}
        />
      </main>
      <UpdateNotice />
      <SyncStatusLine online={online} nowMs={nowMs} problem={databaseLoss ?? (problem === null ? null : formatStoredMessage(intl, problem))} />
      {dialog !== null && <AppDialogs dialog={dialog} onDialog={setDialog} intervalMinutes={intervalMinutes} nowMs={nowMs} locale={intl.locale} />}
    </div>
  );
}
