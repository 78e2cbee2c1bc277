// The news list for any number of items: only the rows near the screen exist in the page
// (@tanstack/react-virtual), their items read by page from the view's snapshot (useListView).
// Home/End/PageDown and the scrollbar reach any row; date headers open each day, week or month.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { displayTitle } from '../../shared/feed/itemPreview';
import type { NewsItemKey } from '../../shared/feed/newsItem';
import type { ItemRecord } from '../db/fieldNewsDb';
import { formatNewsDate } from '../formatNewsDate';
import { dateGroupKey, dateGroupLabel, dateGroupOf } from '../reader/dateGroups';
import { glyphs, readerMessages } from '../reader/readerMessages';
import type { ListViewState } from '../reader/useListView';
import '../reader/readerPanes.css';

/** A row's first guess of height before it is measured: a card of three lines. */
const estimatedRowHeight = 96;

interface VirtualNewsListProps {
  list: ListViewState;
  label: string;
  openedKey: NewsItemKey | null;
  onOpen: (item: ItemRecord) => void;
  onStar: (item: ItemRecord, starred: boolean) => void;
  locale: string;
  nowMs: number;
  emptyText: string;
}

interface RowProps {
  item: ItemRecord | undefined;
  header: string | null;
  isOpen: boolean;
  onOpen: (item: ItemRecord) => void;
  onStar: (item: ItemRecord, starred: boolean) => void;
}

const NewsRow = memo(function NewsRow({ item, header, isOpen, onOpen, onStar }: RowProps) {
  if (!item) return <div className="news-row-placeholder" aria-hidden="true" />;
  return (
    <>
      {header !== null && <h2 className="date-group">{header}</h2>}
      <article
        data-item-id={item.id}
        className={`news-card${isOpen ? ' news-card--open' : ''}${item.read ? '' : ' news-card--unread'}`}
        aria-current={isOpen ? 'true' : undefined}
        tabIndex={-1}
        onClick={() => onOpen(item)}
      >
        <time dateTime={item.sortDate}>{formatNewsDate(item.datePublished)}</time>
        <button
          type="button"
          className={`star-button${item.starred ? ' star-button--on' : ''}`}
          aria-pressed={item.starred}
          aria-label={item.starred ? readerMessages.unstar : readerMessages.star}
          onClick={(event) => {
            event.stopPropagation();
            onStar(item, !item.starred);
          }}
        >
          {item.starred ? glyphs.starOn : glyphs.starOff}
        </button>
        <h3>{displayTitle(item)}</h3>
        <p>{item.preview}</p>
      </article>
    </>
  );
});

export function VirtualNewsList({ list, label, openedKey, onOpen, onStar, locale, nowMs, emptyText }: VirtualNewsListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.keys?.length ?? 0;
  // The virtualizer hands out new functions on each scroll; this component is left out of the
  // compiler's memoizing on purpose (rows are memoized by hand, NewsRow).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 6,
    getItemKey: (index) => {
      const key = list.keys?.[index];
      return key ? `${key[0]}\n${key[1]}` : index;
    },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { setVisibleRows } = list;
  useEffect(() => setVisibleRows({ first, last }), [first, last, setVisibleRows]);

  if (list.keys === undefined) return <p className="news-list--loading">{readerMessages.loading}</p>;
  const now = new Date(nowMs);
  const groupOf = (row: number): string | null => {
    const item = list.itemAt(row);
    return item ? dateGroupKey(dateGroupOf(item.sortDate, now)) : null;
  };
  return (
    <div className="virtual-list" ref={scrollRef} tabIndex={0} role="feed" aria-label={label} aria-busy={rows.some((row) => !list.itemAt(row.index))}>
      {list.arrivals > 0 && (
        <button type="button" className="arrivals" onClick={list.showArrivals}>
          {readerMessages.newItems(list.arrivals)}
        </button>
      )}
      {count === 0 && <p className="news-list--empty">{emptyText}</p>}
      <div className="virtual-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = list.itemAt(row.index);
          const group = item ? dateGroupOf(item.sortDate, now) : null;
          // A header where the group changes; the first row of the list always has one.
          const header = group && (row.index === 0 || groupOf(row.index - 1) !== dateGroupKey(group)) ? dateGroupLabel(group, locale) : null;
          const isOpen = !!item && !!openedKey && openedKey[0] === item.feedUrl && openedKey[1] === item.id;
          return (
            <div key={row.key} className="virtual-row" data-index={row.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${row.start}px)` }}>
              <NewsRow item={item} header={header} isOpen={isOpen} onOpen={onOpen} onStar={onStar} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
