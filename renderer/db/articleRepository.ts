// Every write of saved articles: what waits to be fetched (queued by the sync as pages are stored),
// each try's outcome with its retry, the user's "Try again", and the feed's choice. An article goes
// with its item: retention and feed removal delete both in one transaction (retention.ts,
// feedRecordWrites.ts).
import {
  articleAttempts,
  articleRetryDelayMs,
  savedArticleBytes,
  type ArticleRecord,
  type FullArticlesChoice,
  type SavedArticle,
} from '../../shared/articles/articleRecord';
import { articleCandidatesOf, type ArticleCandidate } from '../../shared/articles/articleCandidates';
import type { StoredMessage } from '../../shared/i18n/userMessage';
import { keysOfFeed, type FieldNewsDb } from './fieldNewsDb';

export interface ArticleUsage {
  saved: number;
  bytes: number;
}

/** How a try ended: saved, a page without an article (final), or a failure that may be tried again. */
export type ArticleTry =
  | { kind: 'saved'; article: SavedArticle }
  | { kind: 'not-an-article'; failure: StoredMessage }
  | { kind: 'failed'; failure: StoredMessage; final: boolean };

const waitingRecord = (candidate: ArticleCandidate): ArticleRecord => ({
  ...candidate,
  status: 'waiting',
  attempts: 0,
  nextTryAt: 0,
  article: null,
  failure: null,
  bytes: 0,
  savedAt: null,
});

/** Articles queued per transaction. */
export const articleQueueChunk = 500;

export const createArticleRepository = (db: FieldNewsDb, clock: () => number = Date.now) => ({
  /**
   * Queues the articles of a stored page: an item seen for the first time waits at once; one whose
   * link changed starts over; one already saved, refused or tried stays as it is.
   */
  async queueArticles(candidates: readonly ArticleCandidate[]): Promise<number> {
    // A few hundred at a time: one transaction of a large first sync's 100,000 puts held the
    // database for seconds, and a window opened meanwhile waited that long for its first rows.
    let queued = 0;
    for (let start = 0; start < candidates.length; start += articleQueueChunk) {
      const chunk = candidates.slice(start, start + articleQueueChunk);
      queued += await db.transaction('rw', db.articles, async () => {
        const known = await db.articles.bulkGet(chunk.map((candidate) => candidate.itemKey));
        const fresh = chunk.filter((candidate, index) => known[index] === undefined || known[index].link !== candidate.link);
        await db.articles.bulkPut(fresh.map(waitingRecord));
        return fresh.length;
      });
    }
    return queued;
  },

  /** The articles whose time has come, oldest queued first, at most `limit`. */
  async dueArticles(limit: number): Promise<ArticleRecord[]> {
    return db.articles.where('[status+nextTryAt]').between(['waiting', 0], ['waiting', clock()], true, true).limit(limit).toArray();
  },

  /** How many wait in all (the progress's total). */
  async waitingCount(): Promise<number> {
    return db.articles.where('[status+nextTryAt]').between(['waiting', 0], ['waiting', Number.MAX_SAFE_INTEGER], true, true).count();
  },

  /** Records one try; a failure with tries left waits for its pause, else it stays until the user asks. */
  async recordTry(itemKey: string, outcome: ArticleTry): Promise<void> {
    await db.transaction('rw', db.articles, async () => {
      const record = await db.articles.get(itemKey);
      // The item (and with it the article) went while the page was fetched: nothing to record.
      if (record === undefined) return;
      const attempts = record.attempts + 1;
      const now = clock();
      if (outcome.kind === 'saved') {
        await db.articles.put({ ...record, status: 'saved', attempts, article: outcome.article, failure: null, bytes: savedArticleBytes(outcome.article), savedAt: now });
      } else if (outcome.kind === 'not-an-article') {
        await db.articles.put({ ...record, status: 'not-an-article', attempts, failure: outcome.failure });
      } else {
        const last = outcome.final || attempts >= articleAttempts;
        await db.articles.put({ ...record, status: last ? 'failed' : 'waiting', attempts, nextTryAt: last ? 0 : now + articleRetryDelayMs(attempts), failure: outcome.failure });
      }
    });
  },

  /** Articles no longer wanted (their item went, their feed says "Never"): their records go. */
  async forget(itemKeys: readonly string[]): Promise<void> {
    if (itemKeys.length > 0) await db.articles.bulkDelete([...itemKeys]);
  },

  /** "Try again": the article waits again, with its tries counted afresh. */
  async tryAgain(itemKey: string): Promise<void> {
    await db.articles.update(itemKey, { status: 'waiting', attempts: 0, nextTryAt: 0 });
  },

  /**
   * Sets a feed's *Full articles* choice and applies it to what is stored: "Never" drops its waiting
   * articles; another choice queues the stored items it now wants. Returns how many were queued.
   */
  async setFullArticles(feedUrl: string, choice: FullArticlesChoice): Promise<number> {
    await db.feeds.update(feedUrl, { fullArticles: choice });
    if (choice === 'never') {
      await db.articles.where('feedUrl').equals(feedUrl).filter((record) => record.status === 'waiting').delete();
      return 0;
    }
    const items = await db.items.where('[feedUrl+id]').between(...keysOfFeed(feedUrl), true, true).toArray();
    return this.queueArticles(articleCandidatesOf(feedUrl, items, choice));
  },

  async articleOf(itemKey: string): Promise<ArticleRecord | undefined> {
    return db.articles.get(itemKey);
  },

  /** For Settings → Storage: saved articles and their size, from the records' own counts. */
  async usage(): Promise<ArticleUsage> {
    let saved = 0;
    let bytes = 0;
    await db.articles.where('[status+nextTryAt]').between(['saved', 0], ['saved', Number.MAX_SAFE_INTEGER], true, true).each((record) => {
      saved += 1;
      bytes += record.bytes;
    });
    return { saved, bytes };
  },
});

export type ArticleRepository = ReturnType<typeof createArticleRepository>;
