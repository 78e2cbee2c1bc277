// The search worker watches what is stored itself (Dexie's liveQuery works in workers): a stored,
// changed or removed item reaches the indexes within about a second, whoever wrote it. It watches
// the feed records, which every write of items touches in the same transaction (counts, page
// validators), not the items table: counting 100,000 items after every sync page cost the sync a
// third of its speed, and the worker's own place tags (items only) do not wake it again. Saving an
// article touches no feed record: it also watches the saved range of the articles' status index,
// so an article saved wakes it, and one queued or failing (most of the article worker's writes) not.
import { liveQuery } from 'dexie';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { workerLog } from '../../log/workerLog';
import { firstSavedArticle } from './savedArticles';

/** A burst of writes (a sync page, an import) becomes one call, at most this long after the first. */
export const itemsSettleMilliseconds = 1_000;

/** Calls `onChange` after items or their saved articles change (and once at the start); returns
 *  the stop function. */
export const watchItems = (db: FieldNewsDb, onChange: () => void, settle = itemsSettleMilliseconds): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = {
    next: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        onChange();
      }, settle);
    },
    error: (error: unknown) => {
      // The watch ends with the database (closed or deleted); the next start watches again.
      workerLog.warn('search', 'The items watch stopped', error);
    },
  };
  const subscriptions = [liveQuery(() => db.feeds.toArray()).subscribe(observer), liveQuery(() => firstSavedArticle(db)).subscribe(observer)];
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
};
