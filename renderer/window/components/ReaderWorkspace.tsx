// The window's three panes at work: the chosen view (or the search's results) in the virtual list,
// the open item in the reader, read after it stayed open a moment (so flicking past with j/k does
// not count), stars, "Mark all read" with its undo, the window's keys, and Back in the narrow layout.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { assertNever } from '../../../shared/assertNever';
import { keyTextOf, newsItemKeyFromText, type NewsItemKey } from '../../../shared/feed/newsItem';
import type { PlaceLabelParts } from '../../../shared/places/gazetteer';
import { db, newsRepository } from '../database';
import type { ItemRecord } from '../../db/fieldNewsDb';
import type { ListView } from '../../db/listViews';
import { parsePaneWidths, type NarrowPane, type PaneWidths } from '../reader/paneLayout';
import type { PlaceTreeNode } from '../reader/placeTree';
import { useText } from '../i18n/useText';
import { useKeyboardShortcuts } from '../useKeyboardShortcuts';
import { useListView, type ListSource } from '../reader/useListView';
import type { NewsSearch } from '../search/useNewsSearch';
import { ItemReader } from './ItemReader';
import { Sidebar } from './Sidebar';
import { ThreePanes } from './ThreePanes';
import type { RowFocusRequest } from './VirtualNewsList';
import { ListPane } from './ListPane';
import { chipLabel } from './SearchBar';
import { useListStepping } from '../reader/useListStepping';
import { useOpenedItem } from '../reader/useOpenedItem';
import { useNarrowPane } from '../reader/useNarrowPane';

const paneWidthsSetting = 'paneWidths';
const noNames: readonly string[] = [];
const noKeys: readonly NewsItemKey[] = [];

interface ReaderWorkspaceProps {
  search: NewsSearch;
  placeTree: readonly PlaceTreeNode[] | null;
  /** A place of the stored news, worded in the interface language with its parts; null when not known yet. */
  placeOf: (placeId: string) => { label: string; parts: PlaceLabelParts } | null;
  locale: string;
  nowMs: number;
  /** Shown above the list (the search's summary). */
  listHeader?: ReactNode;
  /** Shown in the reader's place while set (the map). */
  readerOverride?: ReactNode;
  /** An item was opened (the map then gives the reader its place back). */
  onOpened: () => void;
  /** Below the one pane of a narrow window (a phone): the bar that moves between panes. */
  narrowBar?: (narrow: { pane: NarrowPane; show: (pane: NarrowPane) => void }) => ReactNode;
  /** The list's first rows are on screen: the window starts what the first paint must not wait for. */
  onFirstRows: () => void;
  /** The window's keys that are not about the list: / and Ctrl+F, r, ?; and whether a dialog is open (it takes Esc). */
  windowKeys: { focusSearch: () => void; sync: () => void; showHelp: () => void; dialogOpen: boolean };
}

const viewName = (view: ListView, feedTitle: string | undefined, text: ReturnType<typeof useText>['text']): string => {
  switch (view.kind) {
    case 'all':
      return text('panes.allNews');
    case 'unread':
      return text('panes.unread');
    case 'starred':
      return text('panes.starred');
    case 'feed':
      return feedTitle ?? view.feedUrl;
    case 'place':
      return text('panes.places');
    default:
      return assertNever(view);
  }
};

/** The list's name in its heading: the view's, or the search's chips in the interface language, or its words. */
const listNameOf = (search: NewsSearch, view: ListView, feedTitle: string | undefined, locale: string, text: ReturnType<typeof useText>['text']): string =>
  search.active ? search.chips.map((chip) => chipLabel(chip, locale)).join(', ') || search.query : viewName(view, feedTitle, text);

/** The pane widths: as dragged now, else as stored. */
const usePaneWidths = () => {
  const storedWidths = useLiveQuery(() => newsRepository.readSetting(paneWidthsSetting));
  const [draggedWidths, setDraggedWidths] = useState<PaneWidths | null>(null);
  const saveWidths = (next: PaneWidths) => {
    setDraggedWidths(next);
    void newsRepository.writeSetting(paneWidthsSetting, JSON.stringify(next));
  };
  return { widths: draggedWidths ?? parsePaneWidths(storedWidths), saveWidths };
};

/** The feed records, read once for every row's language: never a query per row. */
const useFeedRecords = () => {
  const feeds = useLiveQuery(() => db.feeds.toArray());
  const feedLanguages = useMemo(() => new Map((feeds ?? []).flatMap((feed) => (feed.language ? [[feed.url, feed.language] as const] : []))), [feeds]);
  return { feeds, feedLanguages };
};

/** The search's hits as list keys (or a date-only search's items); null when no search narrows the list. */
const searchKeysOf = ({ active, answer, dateKeys }: Pick<NewsSearch, 'active' | 'answer' | 'dateKeys'>): readonly NewsItemKey[] | null => {
  if (!active) return null;
  if (answer) return answer.hits.map((hit) => newsItemKeyFromText(hit.key));
  return dateKeys ?? noKeys;
};

interface WorkspaceKeys {
  windowKeys: ReaderWorkspaceProps['windowKeys'];
  stepping: ReturnType<typeof useListStepping>;
  openedKey: NewsItemKey | null;
  openedItem: ItemRecord | null | undefined;
  close: () => void;
  toggleRead: (item: ItemRecord) => void;
  star: (item: ItemRecord, starred: boolean) => void;
  search: NewsSearch;
  setNarrowPane: (pane: NarrowPane) => void;
  setRowFocus: (update: (previous: RowFocusRequest | null) => RowFocusRequest) => void;
}

/** The window's keys over the workspace: j/k, Esc, m, s, and the window's own (/, r, ?). */
const useWorkspaceKeys = ({ windowKeys, stepping, openedKey, openedItem, close, toggleRead, star, search, setNarrowPane, setRowFocus }: WorkspaceKeys) => {
  /** Esc: a dialog closes itself; else the reader closes (its row takes the focus back), else the search clears. */
  const closeReaderOrSearch = (): boolean => {
    if (windowKeys.dialogOpen) return false;
    if (openedKey) {
      close();
      setNarrowPane('list');
      const row = stepping.rowToFocus();
      setRowFocus((previous) => ({ row, request: (previous?.request ?? 0) + 1 }));
      return true;
    }
    if (search.query) {
      search.setQuery('');
      return true;
    }
    return false;
  };
  useKeyboardShortcuts({
    step: stepping.step,
    focusSearch: windowKeys.focusSearch,
    escape: closeReaderOrSearch,
    toggleRead: () => openedItem && toggleRead(openedItem),
    toggleStar: () => openedItem && star(openedItem, !openedItem.starred),
    sync: windowKeys.sync,
    showHelp: windowKeys.showHelp,
  });
};

export function ReaderWorkspace({ search, placeTree, placeOf, locale, nowMs, listHeader, readerOverride, onOpened, onFirstRows, windowKeys, narrowBar }: ReaderWorkspaceProps) {
  const { text } = useText();
  const [view, setView] = useState<ListView>({ kind: 'all' });
  const [viewChoice, setViewChoice] = useState(0);
  const [narrowPane, setNarrowPane] = useNarrowPane(readerOverride !== undefined, useMemo(() => search.chips.map((chip) => chip.placeId), [search.chips]), onOpened);
  const [rowFocus, setRowFocus] = useState<RowFocusRequest | null>(null);
  const { widths, saveWidths } = usePaneWidths();
  const { feeds, feedLanguages } = useFeedRecords();

  const { active, answer, dateKeys } = search;
  const searchKeys = useMemo(() => searchKeysOf({ active, answer, dateKeys }), [active, answer, dateKeys]);
  const source = useMemo((): ListSource => (searchKeys ? { kind: 'keys', keys: searchKeys } : { kind: 'view', view }), [searchKeys, view]);
  const list = useListView(source);
  const { firstRowsShown } = list;
  useEffect(() => {
    if (firstRowsShown) onFirstRows();
  }, [firstRowsShown, onFirstRows]);
  const showReader = useCallback(() => {
    setNarrowPane('reader');
    onOpened();
  }, [onOpened, setNarrowPane]);
  const { openedKey, openedItem, headingFocus, openKey, open, close, toggleRead } = useOpenedItem(showReader);
  const star = useCallback((item: ItemRecord, starred: boolean) => void newsRepository.setStarred([item.feedUrl, item.id], starred), []);
  const stepping = useListStepping(list.keys, openedKey, openKey);
  useWorkspaceKeys({ windowKeys, stepping, openedKey, openedItem, close, toggleRead, star, search, setNarrowPane, setRowFocus });

  const choosePlace = (placeId: string) => {
    const place = placeOf(placeId);
    // The sidebar's and the reader's places come from the markers, so the place is known; if not yet, nothing to choose.
    if (place !== null) search.pickPlace({ placeId, parts: place.parts });
    setNarrowPane('list');
  };
  const chooseView = (next: ListView) => {
    setView(next);
    setViewChoice((count) => count + 1);
    setNarrowPane('list');
    for (const chip of search.chips) search.removeChip(chip.placeId);
  };
  const feedTitle = feeds?.find((feed) => view.kind === 'feed' && feed.url === view.feedUrl)?.title;
  const listName = listNameOf(search, view, feedTitle, locale, text);
  const placeLabel = (placeId: string) => placeOf(placeId)?.label ?? null;

  return (
    <ThreePanes
      widths={widths}
      onWidths={saveWidths}
      narrowPane={narrowPane}
      onNarrowPane={setNarrowPane}
      narrowBar={narrowBar?.({ pane: narrowPane, show: setNarrowPane })}
      sidebar={<Sidebar feeds={feeds} view={view} onView={chooseView} placeTree={placeTree} chosenPlaceId={search.chips[0]?.placeId ?? null} onChoosePlace={choosePlace} />}
      list={
        <ListPane
          name={listName}
          list={list}
          header={listHeader}
          viewChoice={viewChoice}
          openedKey={openedKey}
          onOpen={open}
          onStar={star}
          onFocusRow={stepping.rememberFocusedRow}
          focusRequest={rowFocus}
          feedLanguages={feedLanguages}
          locale={locale}
          nowMs={nowMs}
          emptyText={text(search.active ? 'app.emptyNoMatch' : view.kind === 'all' ? 'app.emptyNoNews' : 'panes.emptyView')}
          highlights={search.highlights}
        />
      }
      reader={
        readerOverride ?? (
          <ItemReader
            item={openedItem}
            feedTitle={openedItem ? feeds?.find((feed) => feed.url === openedItem.feedUrl)?.title : undefined}
            language={openedItem ? feedLanguages.get(openedItem.feedUrl) : undefined}
            highlightNames={(openedKey && search.highlights.get(keyTextOf(openedKey[0], openedKey[1]))) || noNames}
            focusRequest={headingFocus}
            placeLabel={placeLabel}
            onChoosePlace={choosePlace}
            onPrevious={stepping.hasPrevious ? () => stepping.step(-1) : null}
            onNext={stepping.hasNext ? () => stepping.step(1) : null}
            onStar={star}
            onToggleRead={toggleRead}
          />
        )
      }
    />
  );
}
