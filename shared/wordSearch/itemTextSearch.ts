// The fallback for query words that name no place: a plain fuse.js search of titles and texts.
// It scans every item it holds, so it suits a bounded set, not the whole store.
import Fuse from 'fuse.js';
import type { TextSearch } from './textSearch';

export interface TextSearchItem {
  key: string;
  title: string;
  text: string;
  date: number;
}

/** Give it a bounded set (say, the newest few thousand items): at 10,000 items a keystroke
 *  takes hundreds of milliseconds (see npm run bench:search). */
export const createItemTextSearch = (items: readonly TextSearchItem[]): TextSearch => {
  const fuse = new Fuse(items, {
    keys: [{ name: 'title', weight: 2 }, 'text'],
    ignoreDiacritics: true,
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.3,
    minMatchCharLength: 3,
  });
  return (words, limit) => fuse.search(words.join(' '), { limit }).map((result) => ({ key: result.item.key, date: result.item.date }));
};
