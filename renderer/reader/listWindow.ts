// Which pages of a view's snapshot the list holds: those around the rows on screen are read, those
// far away are let go, so scrolling 100,000 items holds a few hundred at a time.

export const listPageSize = 50;
/** Pages kept on each side of the visible ones, so a short scroll back shows items at once. */
export const keptPagesAround = 4;

export interface RowRange {
  first: number;
  last: number;
}

/** The page numbers covering rows [first, last] (inclusive), within a snapshot of `total` rows. */
export const pagesOfRows = ({ first, last }: RowRange, total: number, pageSize = listPageSize): number[] => {
  if (total <= 0 || last < first) return [];
  const firstPage = Math.floor(Math.max(0, first) / pageSize);
  const lastPage = Math.floor(Math.min(total - 1, last) / pageSize);
  return Array.from({ length: Math.max(0, lastPage - firstPage + 1) }, (_, index) => firstPage + index);
};

/** Whether two row ranges need the same pages: the list reads again only when they do not. */
export const samePages = (left: RowRange, right: RowRange, pageSize = listPageSize): boolean =>
  Math.floor(left.first / pageSize) === Math.floor(right.first / pageSize) && Math.floor(left.last / pageSize) === Math.floor(right.last / pageSize);

/** The held pages to let go: those more than `kept` pages away from every visible one. */
export const pagesToRelease = (held: Iterable<number>, visible: readonly number[], kept = keptPagesAround): number[] => {
  if (visible.length === 0) return [];
  const low = Math.min(...visible) - kept;
  const high = Math.max(...visible) + kept;
  return [...held].filter((page) => page < low || page > high);
};
