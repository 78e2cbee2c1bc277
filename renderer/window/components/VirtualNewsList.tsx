// The news list for any number of items: only the rows near the screen exist in the page
// (@tanstack/react-virtual), their items read by page from the view's snapshot (useListView).
// Home/End/PageDown and the scrollbar reach any row; date headers open each day, week or month.
import { newsItemKeyText } from '../../../shared/feed/newsItem';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type KeyboardEvent } from 'react';
import { displayTitle, previewAround } from '../../../shared/feed/itemPreview';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { NewsDate } from './NewsDate';
import { HighlightedText } from './HighlightedText';
import { ListPicture } from '../pictures/ListPicture';
import { dateGroupKey, dateGroupLabel, dateGroupOf } from '../reader/dateGroups';
import { glyphs } from '../reader/readerGlyphs';
import { useText } from '../i18n/useText';
import type { ListViewState } from '../reader/useListView';
import { useArrivalsKeepPlace, useRowFocus, useRowsRead } from '../reader/virtualListBehaviour';
import '../reader/readerPanes.css';

/**
 * Every row is this tall (a card of date, one title line and two preview lines): with one known
 * height the virtualizer never measures rows, which with 100,000 of them costs a long task per scroll.
 */
const rowHeight = 104;
/** A list this short is rendered whole: cheap, and Find in page sees every item. */
const wholeListRows = 100;
const rowSize = () => rowHeight;
export interface VirtualNewsListProps {
  list: ListViewState;
  label: string;
  openedKey: NewsItemKey | null;
  onOpen: (item: ItemRecord) => void;
  onStar: (item: ItemRecord, starred: boolean) => void;
  /** Told the row that took the focus (j then goes on from there). */
  onFocusRow: (row: number) => void;
  /** Focus this row's card (Esc out of the reader gives the list its row back). */
  focusRequest: RowFocusRequest | null;
  /** Each feed's declared language, by feed address: a row's title and preview are in it. */
  feedLanguages: ReadonlyMap<string, string>;
  locale: string;
  nowMs: number;
  emptyText: string;
  /** Place names to mark in each item (the search's), by item key text. */
  highlights: ReadonlyMap<string, readonly string[]>;
}

const noNames: readonly string[] = [];

/** A row to focus; a new `request` number asks again for the same row. */
export interface RowFocusRequest {
  row: number;
  request: number;
}

interface RowProps {
  item: ItemRecord | undefined;
  row: number;
  header: string | null;
  isOpen: boolean;
  isFocused: boolean;
  onFocusRow: (row: number) => void;
  names: readonly string[];
  language: string | undefined;
  onOpen: (item: ItemRecord) => void;
  onStar: (item: ItemRecord, starred: boolean) => void;
}

const NewsRow = memo(function NewsRow({ item, row, header, isOpen, isFocused, onFocusRow, names, language, onOpen, onStar }: RowProps) {
  const { text } = useText();
  if (!item) return <div className="news-row-placeholder" aria-hidden="true" />;
  const title = displayTitle(item);
  return (
    <>
      {/* Seen, not read out: a feed holds only its articles (ARIA), and each article says its own date. */}
      {header !== null && <p className="date-group date-group--inline" aria-hidden="true">{header}</p>}
      <article
        data-item-id={item.id}
        className={`news-card${isOpen ? ' news-card--open' : ''}${item.read ? '' : ' news-card--unread'}`}
        aria-current={isOpen ? 'true' : undefined}
        tabIndex={isFocused ? 0 : -1}
        onFocus={() => onFocusRow(row)}
        onClick={() => onOpen(item)}
      >
        <time dateTime={item.sortDate}><NewsDate iso={item.datePublished} /></time>
        {item.imageUrl !== null && <ListPicture imageUrl={item.imageUrl} itemUrl={item.url} />}
        <button
          type="button"
          className={`star-button${item.starred ? ' star-button--on' : ''}`}
          aria-pressed={item.starred}
          aria-label={text('panes.star')}
          onClick={(event) => {
            event.stopPropagation();
            onStar(item, !item.starred);
          }}
        >
          {item.starred ? glyphs.starOn : glyphs.starOff}
        </button>
        {/* The item's words are in its feed's language (screen readers, hyphenation); the date and star are the interface's. */}
        <h3 lang={title === '' ? undefined : language}>
          {title === '' ? text('item.untitled') : <HighlightedText text={title} names={names} />}
        </h3>
        <p lang={language}>{names.length === 0 ? item.preview : <HighlightedText text={previewAround(item, names)} names={names} />}</p>
      </article>
    </>
  );
});

export function VirtualNewsList({ list, label, openedKey, onOpen, onStar, onFocusRow, focusRequest, feedLanguages, locale, nowMs, emptyText, highlights }: VirtualNewsListProps) {
  const { text } = useText();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.keys?.length ?? 0;
  // The virtualizer hands out new functions on each scroll; this component is left out of the
  // compiler's memoizing on purpose (rows are memoized by hand, NewsRow).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    // Rows beyond the screen on each side; a short list (up to a hundred items) is all in the page.
    overscan: count <= wholeListRows ? wholeListRows : 8,
    // React renders the rows in its own task rather than inside the scroll event (flushSync): a fast
    // scroll then shows the rows a frame later instead of blocking the main thread in every event.
    useFlushSync: false,
    // Rows keyed by position (the default): a key made per row from the item costs a long task each
    // time the virtualizer lays out 100,000 rows (at every new snapshot). Rows are memoized by content.
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useRowsRead(first, last, virtualizer.isScrolling, list.setVisibleRows);
  useArrivalsKeepPlace(list, virtualizer, scrollRef);
  const { complete } = list;
  const { focusedRow, setFocusedRow, moveFocusTo, endPending } = useRowFocus(virtualizer, scrollRef, focusRequest, onFocusRow, complete, count);

  if (list.keys === undefined) return <p className="news-list--loading">{text('panes.loading')}</p>;
  // Outside the feed: a feed holds nothing but its articles.
  if (count === 0) return <p className="news-list--empty">{emptyText}</p>;
  const now = new Date(nowMs);
  const groupWords = { today: text('panes.today'), yesterday: text('panes.yesterday'), thisWeek: text('panes.thisWeek') };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLElement && event.target.closest('button, input, a')) return;
    // Rows a key moves the focus by: a screenful for the page keys, the whole list for Home and End.
    const screenful = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: screenful, PageUp: -screenful, End: count, Home: -count };
    const step = steps[event.key] ?? 0;
    endPending.current = event.key === 'End' && !complete;
    if (step !== 0 && count > 0) {
      event.preventDefault();
      moveFocusTo(Math.min(Math.max(0, focusedRow + step), count - 1));
      return;
    }
    const focused = list.itemAt(focusedRow);
    if (event.key === 'Enter' && focused) onOpen(focused);
  };
  const topItem = list.itemAt(virtualizer.range?.startIndex ?? 0);
  const groupOf = (row: number): string | null => {
    const item = list.itemAt(row);
    return item ? dateGroupKey(dateGroupOf(item.sortDate, now)) : null;
  };
  return (
    <div className="virtual-list" ref={scrollRef} tabIndex={0} role="feed" aria-label={label} aria-busy={rows.some((row) => !list.itemAt(row.index))} onKeyDown={onKeyDown}>
      {topItem && (
        <p className="date-group date-group--sticky" aria-hidden="true">
          {dateGroupLabel(dateGroupOf(topItem.sortDate, now), locale, groupWords)}
        </p>
      )}
      <div className="virtual-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = list.itemAt(row.index);
          const group = item ? dateGroupOf(item.sortDate, now) : null;
          // A group's name where the group changes, in the row's own height; the sticky header above
          // says the group of the top row (so the first row needs none).
          const header = group && row.index > 0 && groupOf(row.index - 1) !== dateGroupKey(group) ? dateGroupLabel(group, locale, groupWords) : null;
          const isOpen = !!item && !!openedKey && openedKey[0] === item.feedUrl && openedKey[1] === item.id;
          return (
            <div key={row.key} className={header === null ? 'virtual-row' : 'virtual-row virtual-row--headed'} data-index={row.index} style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}>
              <NewsRow item={item} row={row.index} header={header} isOpen={isOpen} isFocused={row.index === focusedRow} onFocusRow={setFocusedRow} names={(item && highlights.get(newsItemKeyText(item))) || noNames} language={item && feedLanguages.get(item.feedUrl)} onOpen={onOpen} onStar={onStar} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
