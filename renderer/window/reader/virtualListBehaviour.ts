// What the news list does as it moves, beside drawing its rows: which rows it reads (a few times a
// second at a reading pace, none while it flies past), where it keeps the reader's row when news
// arrives, and which row's card has the keyboard focus.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { RowFocusRequest } from '../components/VirtualNewsList';
import type { RowRange } from './listWindow';
import type { ListViewState } from './useListView';

type ListVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** How often the rows on screen are read while the list moves at a reading pace. */
const scrollReadEveryMs = 100;
/** How long a list flying past stays on the same rows before they are read. */
const settleMs = 60;

/**
 * While the list moves at a reading pace (a flick), the rows on screen are read a few times a
 * second, so they show as it goes; while it flies past (more than a screen a frame: a drag of the
 * scrollbar across 100,000 rows), the rows it only crosses are not read, until it slows or stops.
 */
export const useRowsRead = (first: number, last: number, scrolling: boolean, setVisibleRows: (range: RowRange) => void): void => {
  const lastAsked = useRef(0);
  const lastFirst = useRef(first);
  useEffect(() => {
    const moved = Math.abs(first - lastFirst.current);
    lastFirst.current = first;
    const ask = () => {
      lastAsked.current = performance.now();
      setVisibleRows({ first, last });
    };
    if (!scrolling) {
      ask();
      return;
    }
    const flying = moved > last - first;
    const timer = window.setTimeout(ask, flying ? settleMs : Math.max(0, lastAsked.current + scrollReadEveryMs - performance.now()));
    return () => window.clearTimeout(timer);
  }, [first, last, scrolling, setVisibleRows]);
};

/**
 * News arriving during a sync joins the list at once. At the top, it shows above; further down, the
 * list keeps the row the reader is looking at where it is on screen (no jump).
 */
export const useArrivalsKeepPlace = (list: Pick<ListViewState, 'arrivals' | 'showArrivals' | 'keys'>, virtualizer: ListVirtualizer, scrollRef: RefObject<HTMLDivElement | null>): void => {
  const anchor = useRef<{ feedUrl: string; id: string; delta: number } | null>(null);
  const { arrivals, showArrivals, keys } = list;
  useEffect(() => {
    const element = scrollRef.current;
    if (arrivals === 0 || !element) return;
    const top = element.scrollTop;
    const firstRow = top < 4 ? undefined : virtualizer.getVirtualItems().find((row) => row.end > top);
    const firstKey = firstRow && keys?.[firstRow.index];
    anchor.current = firstRow && firstKey ? { feedUrl: firstKey[0], id: firstKey[1], delta: top - firstRow.start } : null;
    showArrivals();
  }, [arrivals, showArrivals, keys, virtualizer, scrollRef]);
  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held || !keys) return;
    anchor.current = null;
    // Compared part by part: a key written out as text for each of 100,000 rows is a long task.
    const index = keys.findIndex(([feedUrl, id]) => id === held.id && feedUrl === held.feedUrl);
    const offset = index < 0 ? undefined : virtualizer.getOffsetForIndex(index, 'start');
    if (offset) virtualizer.scrollToOffset(offset[0] + held.delta);
  }, [keys, virtualizer]);
};

/** The row whose card has the focus, moved by keys, by Esc out of the reader, and by End once every key is read. */
export const useRowFocus = (virtualizer: ListVirtualizer, scrollRef: RefObject<HTMLDivElement | null>, focusRequest: RowFocusRequest | null, onFocusRow: (row: number) => void, complete: boolean, count: number) => {
  const [focusedRow, setFocusedRowState] = useState(0);
  // The row whose card takes the focus once it is in the page (after an arrow key or Esc); then none.
  const focusPending = useRef<number | null>(null);
  const setFocusedRow = useCallback(
    (row: number) => {
      setFocusedRowState(row);
      onFocusRow(row);
    },
    [onFocusRow],
  );
  const moveFocusTo = (row: number) => {
    virtualizer.scrollToIndex(row, { align: 'auto' });
    setFocusedRow(row);
    focusPending.current = row;
  };
  useEffect(() => {
    if (!focusRequest) return;
    virtualizer.scrollToIndex(focusRequest.row, { align: 'auto' });
    // A request from outside (Esc out of the reader) moves the focused row: once per request, no cascade.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusedRow(focusRequest.row);
    focusPending.current = focusRequest.row;
    // Only a new request moves the focus, not a new virtualizer or callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);
  // End pressed while the view's keys are still being read: the last row once they are all in.
  const endPending = useRef(false);
  useEffect(() => {
    if (!complete || !endPending.current || count === 0) return;
    endPending.current = false;
    virtualizer.scrollToIndex(count - 1, { align: 'auto' });
    setFocusedRow(count - 1);
    focusPending.current = count - 1;
    // Only the moment the keys are complete matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [complete]);
  // Each render until the card is in the page (the virtualizer renders again as it scrolls there).
  useEffect(() => {
    const row = focusPending.current;
    if (row === null) return;
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${row}"] article`);
    if (!card) return;
    focusPending.current = null;
    if (document.activeElement !== card) card.focus();
  });
  return { focusedRow, setFocusedRow, moveFocusTo, endPending };
};
