// This window's side of the article worker: starts it after syncs (and at start-up, and on "Try
// again"), hands it its own port to the main process and, each round, a port to the sync worker (which
// hands it the articles the syncs' pages want), passes the pictures of saved articles to the picture
// queue, and keeps "Saving articles… 12 of 40" for the status line.
import { useSyncExternalStore } from 'react';
import { connectionFactsSchema, isMeteredOrSlow } from '../../../shared/pictures/pictureSettings';
import { createArticleRepository } from '../../db/articleRepository';
import type { ArticleCalls, ArticleEvents, ArticleProgress, ArticleRound } from '../../threads/articlesContract';
import { createWorkerThread } from '../../threads/workerThread';
import { openSyncPort } from '../bridge';
import { db } from '../database';
import { log } from '../log';
import { savePicturesNamed } from '../pictures/pictureService';
import { syncClient } from '../sync/windowSyncClient';

export const articleRepository = createArticleRepository(db);

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
/** Asked for while a round ran (a sync ended, a feed's choice changed): another round follows it. */
let askedDuringRound = false;

/**
 * The articles the syncs' pages want, handed by the sync worker straight to the article worker over
 * a port of their own: this window passes the port, never the articles. Through the window they cost
 * it a task each slice as a large sync ended (44 and 45 ms traced on a slow 2-core machine, copying them in).
 */
const takeWantedArticles = async (channel: ReturnType<typeof thread.channel>): Promise<void> => {
  const { port1, port2 } = new MessageChannel();
  const taking = await channel.call('takeArticlesFrom', { port: port1 }, { transfer: [port1], quietLimitMs });
  if (!taking.ok) {
    port2.close();
    log.warn('articles', `The article worker could not take the wanted articles (${taking.error.reason}: ${taking.error.detail})`);
    return;
  }
  // Answered when the article worker has them all: this round queues them.
  await syncClient.handArticles(port2);
};

/** Saves the articles that wait, unless offline; one round at a time (a call during a round asks for the next). */
export const saveWaitingArticles = (): Promise<ArticleRound | null> => {
  if (!navigator.onLine) return Promise.resolve(null);
  if (round !== null) {
    askedDuringRound = true;
    return round;
  }
  round = (async () => {
    try {
      const channel = await connected();
      if (channel === null) return null;
      await takeWantedArticles(channel);
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
      if (askedDuringRound) {
        askedDuringRound = false;
        void saveWaitingArticles();
      }
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
