// This window's side of the article worker: starts it after syncs (and at start-up, and on "Try
// again"), hands it its own port to the main process, passes the pictures of saved articles to the
// picture queue, and keeps "Saving articles… 12 of 40" for the status line.
import { useSyncExternalStore } from 'react';
import { connectionFactsSchema, isMeteredOrSlow } from '../../../shared/pictures/pictureSettings';
import { createArticleRepository } from '../../db/articleRepository';
import type { ArticleCandidate } from '../../../shared/articles/articleCandidates';
import type { ArticleCalls, ArticleEvents, ArticleProgress, ArticleRound } from '../../threads/articlesContract';
import { createWorkerThread } from '../../threads/workerThread';
import { openSyncPort } from '../bridge';
import { db } from '../database';
import { log } from '../log';
import { savePicturesNamed } from '../pictures/pictureService';

export const articleRepository = createArticleRepository(db);

/** Wanted articles per message to the worker: copying 100,000 in one message held the window 65 ms. */
export const articlesPerMessage = 2_000;

/** A round may go this long without a word (a progress event) before it is given up. */
const quietLimitMs = 5 * 60_000;

let progress: ArticleProgress | null = null;
const listeners = new Set<() => void>();
const publish = (next: ArticleProgress | null) => {
  progress = next;
  listeners.forEach((listener) => listener());
};

let shellGiven: Promise<boolean> | null = null;
const thread = createWorkerThread<ArticleCalls, ArticleEvents>({
  start: () => new Worker(new URL('../../workers/articles/articles.worker.ts', import.meta.url), { type: 'module', name: 'field-news-articles' }),
  onStopped: (detail) => {
    shellGiven = null;
    publish(null);
    log.error('articles', `The article worker stopped: ${detail}`);
  },
});

/** The running worker's channel, once it has its port: an article is never fetched before its shell. */
const connected = async () => {
  const channel = thread.channel();
  if (shellGiven === null) {
    channel.on('progress', (next) => publish(next.total === 0 ? null : next));
    channel.on('pictures', ({ pictures }) => void savePicturesNamed(pictures));
    shellGiven = openSyncPort().then(async (port) => (await channel.call('useShell', { port }, { transfer: port === null ? [] : [port], quietLimitMs })).ok);
  }
  return (await shellGiven) ? channel : null;
};

/** The same test the pictures use: data saver on, or a 2g/3g link. */
const onMeteredLink = (): boolean => {
  const parsed = connectionFactsSchema.safeParse((navigator as Navigator & { connection?: unknown }).connection);
  return isMeteredOrSlow(parsed.success ? parsed.data : undefined);
};

let round: Promise<ArticleRound | null> | null = null;
/** Articles the syncs asked for since the last round began. */
const wanted: ArticleCandidate[] = [];

/** The sync client's hook: a stored page's wanted articles, written and saved by the next round. */
export const wantArticles = (candidates: readonly ArticleCandidate[]): void => {
  wanted.push(...candidates);
};

/** Saves the articles that wait, unless offline; one round at a time (a call during a round joins it). */
export const saveWaitingArticles = (): Promise<ArticleRound | null> => {
  if (!navigator.onLine) return Promise.resolve(null);
  round ??= (async () => {
    try {
      const channel = await connected();
      if (channel === null) return null;
      const handing = wanted.splice(0);
      for (let start = 0; start < handing.length; start += articlesPerMessage) {
        const handed = await channel.call('wantArticles', { wanted: handing.slice(start, start + articlesPerMessage) }, { quietLimitMs });
        if (!handed.ok) {
          // The worker stopped: what it had not taken is lost with it; the items themselves are stored.
          log.warn('articles', `${handing.length - start} wanted articles could not be handed to the article worker (${handed.error.reason}: ${handed.error.detail})`);
          return null;
        }
      }
      const answer = await channel.call('saveArticles', { onlyAlways: onMeteredLink() }, { quietLimitMs });
      if (!answer.ok) {
        log.warn('articles', `A round of article saving ended early (${answer.error.reason}: ${answer.error.detail})`);
        return null;
      }
      const { saved, notArticles, failed, left } = answer.value;
      if (saved + notArticles + failed > 0) log.info('articles', `Articles: ${saved} saved, ${notArticles} pages without one, ${failed} failed, ${left} left for later`);
      return answer.value;
    } finally {
      round = null;
      publish(null);
      // Pages stored while this round ran asked for more: the next round takes them.
      if (wanted.length > 0) void saveWaitingArticles();
    }
  })();
  return round;
};

/** "Try again" on one item: its article waits again and a round starts. */
export const tryArticleAgain = async (itemKey: string): Promise<void> => {
  await articleRepository.tryAgain(itemKey);
  void saveWaitingArticles();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** "Saving articles… 12 of 40" while a round runs; null otherwise. */
export const useArticleProgress = (): ArticleProgress | null => useSyncExternalStore(subscribe, () => progress);
