// The calls the article worker answers and the events it sends (workers/articles/articles.worker.ts),
// typed once for the window that makes them and the worker.
import type { ItemPictures } from '../../shared/pictures/pictureUrls';
import type { ArticleCandidate } from '../../shared/articles/articleCandidates';

/** One round of saving: what was saved, and what was not. */
export interface ArticleRound {
  saved: number;
  notArticles: number;
  failed: number;
  /** Waiting articles left for a later round (a metered link, or their pause has not passed). */
  left: number;
}

export interface ArticleProgress {
  done: number;
  total: number;
}

export type ArticleCalls = {
  /** The worker's line to the shell: a port serving SyncShellCalls (desktop app), or null for the browser's own fetch. */
  useShell(argument: { port: MessagePort | null }): null;
  /**
   * Articles stored pages asked for, kept for the next round; served only on the port of
   * `takeArticlesFrom`, where the sync worker calls it. Handed over in parts: a large first sync
   * asks for 100,000, and one message of them took 65 ms to copy.
   */
  wantArticles(argument: { wanted: ArticleCandidate[] }): null;
  /**
   * A port to the sync worker, which calls `wantArticles` on it with the articles its syncs' pages
   * want (SyncCalls.handArticles): they go from worker to worker, never through the window.
   */
  takeArticlesFrom(argument: { port: MessagePort }): null;
  /**
   * Queues the articles handed over since the last round, then saves the articles whose time has
   * come; on a metered or slow link only those of feeds set to "Always".
   */
  saveArticles(request: { onlyAlways: boolean }): ArticleRound;
};

export type ArticleEvents = {
  progress: ArticleProgress;
  /** An article was saved: the pictures it names, for the window's picture queue. */
  pictures: { pictures: ItemPictures[] };
};
