// What the article worker answers on its channel, apart from where it runs: the worker entry hands
// it its global scope, the app's database and the page reader; a unit test a MessagePort and fakes.
import { createThreadChannel, type CallMap, type ChannelEndpoint } from '../../../shared/threads/threadChannel';
import type { ArticleCandidate } from '../../../shared/articles/articleCandidates';
import { createArticleRepository } from '../../db/articleRepository';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import { workerLog } from '../../log/workerLog';
import type { ArticleCalls, ArticleEvents } from '../../threads/articlesContract';
import type { SyncShell } from '../../threads/browserShell';
import { workerShell, type PortShellOptions } from '../../threads/shellOverPort';
import { saveWaitingArticles, type ArticleSaverOptions } from './saveWaitingArticles';

export interface ArticleWorkerOptions extends Pick<ArticleSaverOptions, 'extract' | 'whenSyncsQuiet' | 'concurrency' | 'hostPauseMs' | 'sleep'> {
  db: FieldNewsDb;
  portShell: Omit<PortShellOptions, 'onFailure'>;
}

export const serveArticleCalls = (scope: ChannelEndpoint, options: ArticleWorkerOptions) => {
  const warn = (message: string, thrown?: unknown) => workerLog.warn('articles', message, thrown);
  // Until the window hands over a port, the browser's own fetch (as in web mode).
  let shell: SyncShell = workerShell(null, options.portShell, warn);
  // One round at a time: a second ask while one runs waits for it and then finds little left.
  let running: Promise<unknown> = Promise.resolve();
  // What the sync worker handed over since the last round took it: in memory only, as its own list was.
  const wanted: ArticleCandidate[] = [];
  const want = (part: readonly ArticleCandidate[]) => {
    for (const candidate of part) wanted.push(candidate);
    return null;
  };

  const channel = createThreadChannel<CallMap, ArticleCalls, CallMap, ArticleEvents>(scope, {
    serve: {
      useShell: ({ port }) => {
        shell = workerShell(port, options.portShell, warn);
        return null;
      },
      // wantArticles is served only on the sync worker's port below: the window never carries the articles.
      takeArticlesFrom: ({ port }) => {
        // The sync worker's end: it calls wantArticles here, and closes the port when it has handed all.
        port.start();
        createThreadChannel<CallMap, ArticleCalls>(port, {
          serve: { wantArticles: ({ wanted: part }) => want(part) },
          onHandlerError: (name, thrown) => workerLog.error('articles', `${name} from the sync worker failed`, thrown),
        });
        return null;
      },
      saveArticles: ({ onlyAlways }) => {
        const repository = createArticleRepository(options.db);
        const round = running.then(async () => {
          // Written here, after the syncs, not by the sync: its pages are stored without waiting for them.
          await options.whenSyncsQuiet();
          await repository.queueArticles(wanted.splice(0));
          return saveWaitingArticles(
            {
              ...options,
              repository,
              fetchPage: (page) => shell.fetchFeedDocument(page),
              onProgress: (progress) => channel.emit('progress', progress),
              onPictures: (pictures) => channel.emit('pictures', { pictures }),
              log: (level, message) => workerLog[level]('articles', message),
            },
            { onlyAlways },
          );
        });
        running = round.catch(() => undefined);
        return round;
      },
    },
    onHandlerError: (name, thrown) => workerLog.error('articles', `${name} failed`, thrown),
  });
  return channel;
};
