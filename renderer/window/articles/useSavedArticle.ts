// The saved article of the item open in the reader, read live (it may be saved while the item is open).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ArticleRecord } from '../../../shared/articles/articleRecord';
import { keyTextOf } from '../../../shared/feed/newsItem';
import { db } from '../database';

/** The article record of the item (undefined while loading, or when it has none). */
export const useSavedArticle = (item: { feedUrl: string; id: string } | null | undefined): ArticleRecord | undefined => {
  const key = item ? keyTextOf(item.feedUrl, item.id) : null;
  return useLiveQuery(() => (key === null ? undefined : db.articles.get(key)), [key]);
};
