// Which saved pictures go when the total passes the user's budget: the oldest pictures of no starred
// item first, then (only if that is not enough) the oldest of starred items.

export interface SavedPictureFacts {
  key: string;
  bytes: number;
  /** When it was saved, ms since epoch. */
  savedAt: number;
  /** Whether any item using it is starred. */
  starred: boolean;
}

/** The order in which pictures are dropped: unstarred before starred, older before newer, then by key. */
export const evictionOrder = (pictures: readonly SavedPictureFacts[]): SavedPictureFacts[] =>
  [...pictures].sort((a, b) => Number(a.starred) - Number(b.starred) || a.savedAt - b.savedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** The keys to drop so that the rest fits in `budgetBytes`, in eviction order; none when it fits. */
export const picturesOverBudget = (pictures: readonly SavedPictureFacts[], budgetBytes: number): string[] => {
  let total = pictures.reduce((sum, picture) => sum + picture.bytes, 0);
  const dropped: string[] = [];
  for (const picture of evictionOrder(pictures)) {
    if (total <= budgetBytes) break;
    dropped.push(picture.key);
    total -= picture.bytes;
  }
  return dropped;
};

/** The longest side a saved picture keeps; larger ones are scaled down to it. */
export const maxPictureSide = 1_600;

/** The size to scale a picture to: unchanged when it fits, else its longest side at `maxSide`, aspect kept. */
export const fittedSize = (width: number, height: number, maxSide: number = maxPictureSide): { width: number; height: number; scaled: boolean } => {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height, scaled: false };
  const ratio = maxSide / longest;
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)), scaled: true };
};
