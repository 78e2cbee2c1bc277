// The window's three panes at work: the chosen view (or the search's results) in the virtual list,
// the open item in the reader, read after it stayed open a moment (so flicking past with j/k does
// not count), stars, "Mark all read" with its undo, the window's keys, and Back in the narrow layout.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { assertNever } from '../../../shared/assertNever';
import { newsItemKeyFromText, type NewsItemKey } from '../../../shared/feed/newsItem';
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
import { VirtualNewsList, type RowFocusRequest } from './VirtualNewsList';

/** How long an item stays open before it counts as read; the setting `markReadDelayMs` changes it (0: at once). */
export const defaultMarkReadDelayMs = 800;
const paneWidthsSetting = 'paneWidths';
const noNames: readonly string[] = [];

interface ReaderWorkspaceProps {
  search: NewsSearch;
  placeTree: readonly PlaceTreeNode[] | null;
  placeLabel: (placeId: string) => string | null;
  locale: string;
  nowMs: number;
  /** Shown above the list (the search's summary). */
  listHeader?: ReactNode;
  /** Shown in the reader's place while set (the map). */
  readerOverride?: ReactNode;
  /** An item was opened (the map then gives the reader its place back). */
  onOpened: () => void;
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

export function ReaderWorkspace({ search, placeTree, placeLabel, locale, nowMs, listHeader, readerOverride, onOpened, onFirstRows, windowKeys }: ReaderWorkspaceProps) {
  const { text } = useText();
  const [view, setView] = useState<ListView>({ kind: 'all' });
  const [openedKey, setOpenedKey] = useState<NewsItemKey | null>(null);
  const [narrowPane, setNarrowPane] = useState<NarrowPane>('list');
  const [undo, setUndo] = useState<{ keys: NewsItemKey[] } | null>(null);
  const [headingFocus, setHeadingFocus] = useState(0);
  const [rowFocus, setRowFocus] = useState<RowFocusRequest | null>(null);
  const storedWidths = useLiveQuery(() => newsRepository.readSetting(paneWidthsSetting));
  const [draggedWidths, setDraggedWidths] = useState<PaneWidths | null>(null);
  const widths = draggedWidths ?? parsePaneWidths(storedWidths);
  const delaySetting = useLiveQuery(() => newsRepository.readSetting('markReadDelayMs'));
  const markReadDelayMs = Number(delaySetting ?? defaultMarkReadDelayMs);
  // One read of the feed records for every row's language: never a query per row.
  const feeds = useLiveQuery(() => db.feeds.toArray());
  const feedLanguages = useMemo(() => new Map((feeds ?? []).flatMap((feed) => (feed.language ? [[feed.url, feed.language] as const] : []))), [feeds]);

  const searchKeys = useMemo(() => {
    if (!search.active) return null;
    if (search.answer) return search.answer.hits.map((hit) => newsItemKeyFromText(hit.key));
    return (search.items ?? []).map((item): NewsItemKey => [item.feedUrl, item.id]);
  }, [search.active, search.answer, search.items]);
  const source = useMemo((): ListSource => (searchKeys ? { kind: 'keys', keys: searchKeys } : { kind: 'view', view }), [searchKeys, view]);
  const list = useListView(source);
  const { firstRowsShown } = list;
  useEffect(() => {
    if (firstRowsShown) onFirstRows();
  }, [firstRowsShown, onFirstRows]);
  const openedItem = useLiveQuery(async () => (openedKey ? ((await db.items.get(openedKey)) ?? null) : null), [openedKey]);
  const feedTitle = feeds?.find((feed) => view.kind === 'feed' && feed.url === view.feedUrl)?.title;

  // Read once it has stayed open a moment; moving on before that leaves it unread. Keyed by the item
  // and its flag, not the record: a sync or the tagger rewriting the record must not restart the wait.
  // Once read this way, or marked by hand, the item is left as the user has it until it is opened anew.
  const unreadOpenedKey = openedItem && !openedItem.read ? `${openedItem.feedUrl}\n${openedItem.id}` : null;
  const settled = useRef<string | null>(null);
  useEffect(() => {
    if (unreadOpenedKey === null || settled.current === unreadOpenedKey || !Number.isFinite(markReadDelayMs)) return;
    const timer = window.setTimeout(() => {
      settled.current = unreadOpenedKey;
      void newsRepository.markRead(newsItemKeyFromText(unreadOpenedKey));
    }, Math.max(0, markReadDelayMs));
    return () => window.clearTimeout(timer);
  }, [unreadOpenedKey, markReadDelayMs]);

  const openKey = useCallback(
    (key: NewsItemKey) => {
      settled.current = null;
      setOpenedKey(key);
      setNarrowPane('reader');
      setHeadingFocus((request) => request + 1);
      onOpened();
    },
    [onOpened],
  );
  const open = useCallback((item: ItemRecord) => openKey([item.feedUrl, item.id]), [openKey]);
  const star = useCallback((item: ItemRecord, starred: boolean) => void newsRepository.setStarred([item.feedUrl, item.id], starred), []);
  const toggleRead = useCallback((item: ItemRecord) => {
    settled.current = `${item.feedUrl}\n${item.id}`;
    const key: NewsItemKey = [item.feedUrl, item.id];
    void (item.read ? newsRepository.markUnread(key) : newsRepository.markRead(key));
  }, []);
  // Where the open item is in the list: looked up when either changes, not on each scroll frame.
  const listKeys = list.keys;
  const position = useMemo(() => (openedKey && listKeys ? listKeys.findIndex(([feedUrl, id]) => feedUrl === openedKey[0] && id === openedKey[1]) : -1), [openedKey, listKeys]);
  // With nothing open, j opens the row the list last had in focus's neighbour, k the row above it.
  const lastFocusedRow = useRef(0);
  const rememberFocusedRow = useCallback((row: number) => {
    lastFocusedRow.current = row;
  }, []);
  const step = useCallback(
    (by: 1 | -1) => {
      const from = position >= 0 ? position : by === 1 ? lastFocusedRow.current - 1 : lastFocusedRow.current + 1;
      const row = Math.max(0, Math.min((listKeys?.length ?? 0) - 1, from + by));
      const next = listKeys?.[row];
      if (!next) return;
      lastFocusedRow.current = row;
      openKey(next);
    },
    [listKeys, position, openKey],
  );

  useKeyboardShortcuts({
    step,
    focusSearch: windowKeys.focusSearch,
    escape: () => {
      if (windowKeys.dialogOpen) return false; // The dialog closes itself on Esc.
      if (openedKey) {
        setOpenedKey(null);
        setNarrowPane('list');
        const row = position >= 0 ? position : lastFocusedRow.current;
        setRowFocus((previous) => ({ row, request: (previous?.request ?? 0) + 1 }));
        return true;
      }
      if (search.query) {
        search.setQuery('');
        return true;
      }
      return false;
    },
    toggleRead: () => openedItem && toggleRead(openedItem),
    toggleStar: () => openedItem && star(openedItem, !openedItem.starred),
    sync: windowKeys.sync,
    showHelp: windowKeys.showHelp,
  });

  const markAllRead = async () => {
    const changed = await newsRepository.markAllRead(list.keys ?? []);
    setUndo({ keys: changed });
  };
  const choosePlace = (placeId: string) => {
    const label = placeLabel(placeId) ?? placeId;
    search.pickPlace({ placeId, name: label, matchedName: label, label, count: 0, score: 0 });
    setNarrowPane('list');
  };
  const chooseView = (next: ListView) => {
    setView(next);
    setUndo(null);
    setNarrowPane('list');
    for (const chip of search.chips) search.removeChip(chip.placeId);
  };
  const saveWidths = (next: PaneWidths) => {
    setDraggedWidths(next);
    void newsRepository.writeSetting(paneWidthsSetting, JSON.stringify(next));
  };
  const listName = search.active ? search.chips.map((chip) => chip.label).join(', ') || search.query : viewName(view, feedTitle, text);

  return (
    <ThreePanes
      widths={widths}
      onWidths={saveWidths}
      narrowPane={narrowPane}
      onNarrowPane={setNarrowPane}
      sidebar={<Sidebar feeds={feeds} view={view} onView={chooseView} placeTree={placeTree} chosenPlaceId={search.chips[0]?.placeId ?? null} onChoosePlace={choosePlace} />}
      list={
        <div className="list-pane" id="news-list">
          <div className="list-pane-header">
            <h2>{listName}</h2>
            <button type="button" onClick={() => void markAllRead()} disabled={!list.complete || !list.keys?.length}>
              {text('panes.markAllRead')}
            </button>
          </div>
          {listHeader}
          {undo && (
            <div className="undo-bar" aria-live="polite">
              <span>{text('panes.markedAllRead', { count: undo.keys.length })}</span>
              <button type="button" onClick={() => void newsRepository.undoMarkAllRead(undo.keys).then(() => setUndo(null))}>
                {text('panes.undo')}
              </button>
            </div>
          )}
          <VirtualNewsList
            list={list}
            label={listName}
            openedKey={openedKey}
            onOpen={open}
            onStar={star}
            onFocusRow={rememberFocusedRow}
            focusRequest={rowFocus}
            feedLanguages={feedLanguages}
            locale={locale}
            nowMs={nowMs}
            emptyText={text(search.active ? 'app.emptyNoMatch' : view.kind === 'all' ? 'app.emptyNoNews' : 'panes.emptyView')}
            highlights={search.highlights}
          />
        </div>
      }
      reader={
        readerOverride ?? (
          <ItemReader
            item={openedItem}
            feedTitle={openedItem ? feeds?.find((feed) => feed.url === openedItem.feedUrl)?.title : undefined}
            language={openedItem ? feedLanguages.get(openedItem.feedUrl) : undefined}
            highlightNames={(openedKey && search.highlights.get(`${openedKey[0]}\n${openedKey[1]}`)) || noNames}
            focusRequest={headingFocus}
            placeLabel={placeLabel}
            onChoosePlace={choosePlace}
            onPrevious={position > 0 ? () => step(-1) : null}
            onNext={list.keys && position >= 0 && position < list.keys.length - 1 ? () => step(1) : null}
            onStar={star}
            onToggleRead={toggleRead}
          />
        )
      }
    />
  );
}
