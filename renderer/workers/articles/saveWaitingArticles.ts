// One round of the article worker: the articles whose time has come are fetched through the shell
// (the main process's address rules and caps in the desktop app), read off the page, and stored, a
// few hosts at a time, one page at a time per host with a pause between. A failing site never fails
// anything but its own articles; the syncs go first (each page steps aside while one runs).
import { itemTextOf } from '../../../shared/articles/articleCandidates';
import { articleMaxCharacters, parseFullArticles, type ArticleRecord, type FullArticlesChoice, type SavedArticle } from '../../../shared/articles/articleRecord';
import { errorMessages } from '../../../shared/errorMessages';
import { newsItemKeyFromText } from '../../../shared/feed/newsItem';
import { maxPicturesPerItem, type ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { FeedDocumentRequest, FeedFetchResult, FetchFailureReason } from '../../../shared/sync/fetchFeedDocument';
import { hostOf } from '../../../shared/webAddress';
import type { ArticleRepository } from '../../db/articleRepository';
import type { FieldNewsDb } from '../../db/fieldNewsDb';
import type { ArticleProgress, ArticleRound } from '../../threads/articlesContract';
import type { ArticleExtraction, ArticlePage, ExtractedArticle } from './extractArticle';

export interface ArticleSaverOptions {
  db: FieldNewsDb;
  repository: ArticleRepository;
  fetchPage: (request: FeedDocumentRequest) => Promise<FeedFetchResult>;
  extract: (page: ArticlePage, feedTextLength: number) => ArticleExtraction;
  /** Resolves when no sync runs (or after a while): articles never compete with the news. */
  whenSyncsQuiet: () => Promise<void>;
  /** Hosts fetched from at once. */
  concurrency: number;
  /** The pause between two pages of one host. */
  hostPauseMs: number;
  sleep: (ms: number) => Promise<void>;
  onProgress: (progress: ArticleProgress) => void;
  onPictures: (pictures: ItemPictures[]) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

/** Failures that another try will not mend: the article is left until the user asks. */
const lastingReasons: ReadonlySet<FetchFailureReason> = new Set([
  'gone',
  'address-refused',
  'page-insecure',
  'too-large',
  'bad-address',
  'redirect-loop',
  'too-many-redirects',
  'redirect-unusable',
  'redirect-insecure',
]);

/** An article within the cap: its text cut at the cap, its HTML at the end of the last paragraph before it. */
const withinCap = ({ pictureUrls: _pictures, ...article }: ExtractedArticle, pageUrl: string): SavedArticle => {
  if (article.html.length <= articleMaxCharacters && article.text.length <= articleMaxCharacters) return { ...article, pageUrl };
  const paragraphEnd = article.html.lastIndexOf('</p>', articleMaxCharacters - 4);
  const html = article.html.slice(0, paragraphEnd > 0 ? paragraphEnd + 4 : articleMaxCharacters);
  const text = article.text.slice(0, articleMaxCharacters);
  return { ...article, html, text, length: text.length, pageUrl };
};

type TryOutcome = 'saved' | 'not-an-article' | 'failed' | 'dropped';

/** Tries one article; what happened, for the round's counts. */
const saveOne = async (options: ArticleSaverOptions, record: ArticleRecord): Promise<TryOutcome> => {
  const { db, repository } = options;
  const item = await db.items.get(newsItemKeyFromText(record.itemKey));
  if (item === undefined) return 'dropped';
  await options.whenSyncsQuiet();
  const page = await options.fetchPage({ url: record.link, feedUrl: record.feedUrl, validators: null });
  if (!page.ok || page.value.kind !== 'fetched') {
    const failure = page.ok ? errorMessages.fetchNoConnection : page.error;
    await repository.recordTry(record.itemKey, { kind: 'failed', failure, final: !page.ok && lastingReasons.has(page.reason) });
    options.log('info', `An article on ${hostOf(record.link)} was not fetched (${page.ok ? page.value.kind : page.reason})`);
    return 'failed';
  }
  const extraction = options.extract({ bytes: page.value.bytes, contentType: page.value.contentType, url: page.value.url }, itemTextOf(item).length);
  if (!extraction.ok) {
    await repository.recordTry(record.itemKey, { kind: 'not-an-article', failure: errorMessages.articleNotInPage });
    options.log('info', `A page on ${hostOf(record.link)} held no article to save (${extraction.reason})`);
    return 'not-an-article';
  }
  const { article } = extraction;
  await repository.recordTry(record.itemKey, { kind: 'saved', article: withinCap(article, page.value.url) });
  // An article's pictures go as an item's do, at most as many (a gallery page names fifty).
  if (article.pictureUrls.length > 0) options.onPictures([{ feedUrl: record.feedUrl, itemKey: record.itemKey, urls: article.pictureUrls.slice(0, maxPicturesPerItem) }]);
  return 'saved';
};

/** The choice of each feed these articles belong to; null for a feed that is gone. */
const choicesOf = async (db: FieldNewsDb, records: readonly ArticleRecord[]): Promise<Map<string, FullArticlesChoice | null>> => {
  const urls = [...new Set(records.map((record) => record.feedUrl))];
  const feeds = await db.feeds.bulkGet(urls);
  return new Map(urls.map((url, index) => [url, feeds[index] === undefined ? null : parseFullArticles(feeds[index].fullArticles)]));
};

/** Runs `work` over the hosts' queues, `concurrency` hosts at a time, each host's pages one after another. */
const byHost = async (records: readonly ArticleRecord[], options: ArticleSaverOptions, work: (record: ArticleRecord) => Promise<void>): Promise<void> => {
  const queues = new Map<string, ArticleRecord[]>();
  for (const record of records) queues.set(hostOf(record.link), [...(queues.get(hostOf(record.link)) ?? []), record]);
  const hosts = [...queues.values()];
  const lane = async () => {
    for (let queue = hosts.shift(); queue !== undefined; queue = hosts.shift()) {
      for (const [index, record] of queue.entries()) {
        if (index > 0) await options.sleep(options.hostPauseMs);
        await work(record);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
};

const tally = (round: ArticleRound, outcome: Exclude<TryOutcome, 'dropped'>): void => {
  if (outcome === 'saved') round.saved += 1;
  else if (outcome === 'not-an-article') round.notArticles += 1;
  else round.failed += 1;
};

export const saveWaitingArticles = async (options: ArticleSaverOptions, { onlyAlways }: { onlyAlways: boolean }): Promise<ArticleRound> => {
  const round: ArticleRound = { saved: 0, notArticles: 0, failed: 0, left: 0 };
  const passedOver = new Set<string>();
  const progress: ArticleProgress = { done: 0, total: await options.repository.waitingCount() };
  options.onProgress(progress);
  for (;;) {
    const due = (await options.repository.dueArticles(options.concurrency * 8 + passedOver.size)).filter((record) => !passedOver.has(record.itemKey));
    if (due.length === 0) break;
    const choices = await choicesOf(options.db, due);
    // Gone feeds and "Never" drop their waiting articles; on a metered link only "Always" feeds are fetched, the rest wait.
    await options.repository.forget(due.filter((record) => (choices.get(record.feedUrl) ?? 'never') === 'never').map((record) => record.itemKey));
    const wanted = due.filter((record) => (choices.get(record.feedUrl) ?? 'never') !== 'never');
    for (const record of wanted) if (onlyAlways && choices.get(record.feedUrl) !== 'always') passedOver.add(record.itemKey);
    await byHost(
      wanted.filter((record) => !passedOver.has(record.itemKey)),
      options,
      async (record) => {
        try {
          const outcome = await saveOne(options, record);
          if (outcome === 'dropped') await options.repository.forget([record.itemKey]);
          else tally(round, outcome);
        } catch (thrown) {
          // One page that breaks the reader (or a write) costs its own article only, this round.
          options.log('warn', `An article on ${hostOf(record.link)} could not be saved: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
          passedOver.add(record.itemKey);
          round.failed += 1;
        }
        progress.done += 1;
        options.onProgress({ done: progress.done, total: Math.max(progress.total, progress.done) });
      },
    );
  }
  round.left = passedOver.size;
  return round;
};
