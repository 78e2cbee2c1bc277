// Where the open item is in the list, and j/k from there: the next or previous row opens; with
// nothing open, the row next to the one the list last had in focus.
import { useCallback, useMemo, useRef } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';

export const useListStepping = (listKeys: readonly NewsItemKey[] | undefined, openedKey: NewsItemKey | null, openKey: (key: NewsItemKey) => void) => {
  // Looked up when either changes, not on each scroll frame.
  const position = useMemo(() => (openedKey && listKeys ? listKeys.findIndex(([feedUrl, id]) => feedUrl === openedKey[0] && id === openedKey[1]) : -1), [openedKey, listKeys]);
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
  /** The row to give focus back to when the reader closes. */
  const rowToFocus = () => (position >= 0 ? position : lastFocusedRow.current);
  return { position, step, rememberFocusedRow, rowToFocus, hasPrevious: position > 0, hasNext: listKeys !== undefined && position >= 0 && position < listKeys.length - 1 };
};
