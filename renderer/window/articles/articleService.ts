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
/** Articles handed to the worker since the last round began: another round saves them. */
let handedSinceRound = 0;
/** The handovers not answered yet; a round begins after them. */
let handing: Promise<unknown> = Promise.resolve();

/**
 * The sync client's hook: a slice of an ended sync's wanted articles (the sync worker sends them in
 * slices when a sync ends), posted to the worker at once, which keeps them for the next round; a
 * worker not started yet gets them when it starts. This window keeps none of them: it once kept every
 * page's until the round, 100,000 after a sync of 100,000 teasers, and the collection of that memory
 * held the window 100 to 200 ms in the middle of the sync.
 */
export const wantArticles = (candidates: readonly ArticleCandidate[]): void => {
  const channel = thread.channel();
  for (let start = 0; start < candidates.length; start += articlesPerMessage) {
    const part = candidates.slice(start, start + articlesPerMessage);
    const count = part.length;
    // Copied into the message now: nothing here holds the part after this line.
    const handed = channel.call('wantArticles', { wanted: part }, { quietLimitMs }).then((answer) => {
      // The worker stopped: what it had not taken is lost with it; the items themselves are stored.
      if (!answer.ok) log.warn('articles', `${count} wanted articles could not be handed to the article worker (${answer.error.reason}: ${answer.error.detail})`);
      else handedSinceRound += count;
    });
    handing = Promise.all([handing, handed]);
  }
};

/** Saves the articles that wait, unless offline; one round at a time (a call during a round joins it). */
export const saveWaitingArticles = (): Promise<ArticleRound | null> => {
  if (!navigator.onLine) return Promise.resolve(null);
  round ??= (async () => {
    try {
      const channel = await connected();
      if (channel === null) return null;
      // The articles of every sync that ended before this round are with the worker first.
      await handing;
      handedSinceRound = 0;
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
      if (handedSinceRound > 0) void saveWaitingArticles();
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
