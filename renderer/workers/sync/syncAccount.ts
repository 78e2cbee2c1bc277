// One sync with a team aggregator's account, in the sync worker: first the laptop's waiting read
// and starred changes go out (edit-tag, in order), then the unread counts say what changed; the
// subscription list when feeds came or went; new items since the last sync (ids in pages, contents
// in batches, each batch stored all-or-nothing); the unread ids of the feeds whose counts moved; the
// starred ids. Every answer is counted in bytes. A failure anywhere keeps what was stored and the
// queue; the sync mark moves only when the whole sync went through, so the next one starts over
// from the same point and skips what is already stored.
import { emptySyncMark, feedsToCheck, fingerprintsOf, fullCheckDue, laterCrawl, nothingNewSince, sinceOf, subscriptionsDue, subscriptionsEveryMs, type AccountSyncMark } from '../../../shared/aggregator/accountSyncPlan';
import { readActionToken, readItemContents, readItemIds, readOk, readSubscriptions, readUnreadCounts, type AnswerProblem, type ItemIdsPage } from '../../../shared/aggregator/readerAnswers';
import { editBatchesOf } from '../../../shared/aggregator/readerChanges';
import { itemsPerContentsCall, readerStreams, type ReaderCall } from '../../../shared/aggregator/readerCalls';
import { accountItemOf, isState, type AccountItem } from '../../../shared/aggregator/readerItems';
import type { ReaderAnswer, ReaderFailure } from '../../../shared/aggregator/readerSession';
import { articleCandidatesOf, type ArticleCandidate } from '../../../shared/articles/articleCandidates';
import { parseFullArticles } from '../../../shared/articles/articleRecord';
import { errorMessages } from '../../../shared/errorMessages';
import { picturesOfPage, type ItemPictures } from '../../../shared/pictures/pictureUrls';
import type { Result } from '../../../shared/result';
import { hostOf, httpAddress } from '../../../shared/webAddress';
import type { AccountFeed } from '../../db/accountRepository';
import type { AccountRecord, FieldNewsDb } from '../../db/fieldNewsDb';
import type { NewsRepository } from '../../db/newsRepository';
import { isDiskFullError } from '../../db/storageErrors';
import { parseRetentionChoice, retentionCutoff, retentionSettingKey } from '../../db/retention';
import { workerLog } from '../../log/workerLog';
import { quietOutcome, type SyncOutcome, type SyncProgress } from '../../threads/syncOutcome';

/** At most this many pages of ids per stream and sync (a million items): a server that pages for ever is cut off. */
const mostIdPages = 1_000;
/** Starred items older than the laptop's news are fetched, at most this many per sync. */
const mostMissingStarred = 1_000;

export interface SyncAccountOptions {
  db: FieldNewsDb;
  repository: NewsRepository;
  accountId: string;
  callReader: (call: ReaderCall) => Promise<ReaderAnswer>;
  now: () => Date;
  onProgress: (progress: SyncProgress) => void;
  onPicturesNamed?: (pictures: ItemPictures[]) => void;
  onArticlesWanted?: (candidates: ArticleCandidate[]) => void;
}

class SyncStop extends Error {
  constructor(readonly failure: ReaderFailure) {
    super(failure.reason);
  }
}

const unreadable = (problem: AnswerProblem): never => {
  throw new SyncStop({ reason: problem, error: errorMessages.aggregatorNotReaderApi });
};

/** The feed's address as kept here: its own address, or the server's id for one that names none. */
const feedAddressOf = (serverAddress: string, url: string | undefined, readerFeedId: string): string =>
  (url === undefined ? null : httpAddress(url)) ?? `${serverAddress}#${readerFeedId}`;

/** The calls of one account sync, and what they have counted so far. */
const accountCalls = (options: SyncAccountOptions, account: AccountRecord) => {
  const { db, repository, accountId } = options;
  const service = account.service;
  const tally = { bytes: 0, newItems: 0, updatedItems: 0, droppedItems: 0, readElsewhere: 0, requests: 0, newestCrawl: null as string | null };

  const ask = async (call: ReaderCall): Promise<string> => {
    const answer = await options.callReader(call);
    tally.requests += 1;
    tally.bytes += answer.ok ? answer.value.bytes : answer.error.bytes;
    if (!answer.ok) throw new SyncStop(answer.error);
    return answer.value.text;
  };
  const read = <T>(result: Result<T, AnswerProblem>): T => (result.ok ? result.value : unreadable(result.error));
  /** A call not every server has (Miniflux has no unread-count): its text, or null when the server has no such call. */
  const askIfServed = async (call: ReaderCall): Promise<string | null> => {
    try {
      return await ask(call);
    } catch (thrown) {
      if (thrown instanceof SyncStop && thrown.failure.reason === 'not-reader-api') return null;
      throw thrown;
    }
  };
  const progress = (pageNumber: number) =>
    options.onProgress({ feedUrl: accountId, feedTitle: service, pageNumber, pageUrl: account.serverAddress, newItems: 0, updatedItems: 0, totalNew: tally.newItems, totalUpdated: tally.updatedItems });

  /** Every id of a stream, page after page. */
  const allIds = async (stream: string, since: number | null, exclude: typeof readerStreams.read | null): Promise<string[]> => {
    const ids: string[] = [];
    let continuation: string | null = null;
    for (let page = 0; page < mostIdPages; page += 1) {
      const answer: ItemIdsPage = read(readItemIds(await ask({ kind: 'item-ids', stream, since, exclude, continuation })));
      ids.push(...answer.ids);
      if (answer.continuation === null || answer.ids.length === 0 || answer.continuation === continuation) break;
      continuation = answer.continuation;
    }
    return ids;
  };

  /** Fetches and stores the contents of `ids` in batches; each batch is one transaction. */
  const fetchAndStore = async (ids: readonly string[], feedUrlOf: ReadonlyMap<string, string>): Promise<void> => {
    for (let start = 0; start < ids.length; start += itemsPerContentsCall) {
      const batch = ids.slice(start, start + itemsPerContentsCall);
      const contents = read(readItemContents(await ask({ kind: 'item-contents', itemIds: batch })));
      const items = contents.items.map(accountItemOf).filter((item): item is AccountItem => item !== null);
      for (const item of items) tally.newestCrawl = laterCrawl(tally.newestCrawl, item.crawledAtUsec);
      tally.droppedItems += contents.dropped + contents.items.length - items.length;
      const stored = await repository.storeAccountItems(accountId, items, feedUrlOf);
      tally.newItems += stored.added;
      tally.updatedItems += stored.updated;
      const byFeed = new Map<string, typeof stored.stored>();
      for (const item of stored.stored) byFeed.set(item.feedUrl, [...(byFeed.get(item.feedUrl) ?? []), item]);
      const feeds = await db.feeds.bulkGet([...byFeed.keys()]);
      [...byFeed].forEach(([feedUrl, feedItems], index) => {
        const pictures = picturesOfPage(feedUrl, feedItems);
        if (pictures.length > 0) options.onPicturesNamed?.(pictures);
        const articles = articleCandidatesOf(feedUrl, feedItems, parseFullArticles(feeds[index]?.fullArticles));
        if (articles.length > 0) options.onArticlesWanted?.(articles);
      });
      progress(Math.floor(start / itemsPerContentsCall) + 1);
    }
  };

  return { tally, ask, askIfServed, read, progress, allIds, fetchAndStore };
};

type AccountCalls = ReturnType<typeof accountCalls>;

/** Step 1: the laptop's waiting changes, in order; returns the server's ids of the feeds they touched. */
const sendWaitingChanges = async (options: SyncAccountOptions, calls: AccountCalls, account: AccountRecord): Promise<Set<string>> => {
  const { db, repository, accountId } = options;
  const edited = new Set<string>();
  const waiting = await repository.waitingChanges(accountId);
  if (waiting.length === 0) return edited;
  const token = calls.read(readActionToken(await calls.ask({ kind: 'action-token' })));
  const touched = await db.items.where('[readerAccount+readerItemId]').anyOf(waiting.map((change) => [accountId, change.readerItemId])).toArray();
  const feedIdOf = new Map((await db.feeds.toArray()).filter((feed) => feed.account === accountId).map((feed) => [feed.url, feed.readerFeedId]));
  for (const item of touched) {
    const feedId = feedIdOf.get(item.feedUrl);
    if (feedId !== undefined) edited.add(feedId);
  }
  for (const batch of editBatchesOf(waiting)) {
    const answer = await calls.ask({ kind: 'edit-tag', itemIds: batch.itemIds, tag: batch.tag, add: batch.add, token });
    if (readOk(answer)) {
      await options.repository.settleChanges(batch.settles);
      continue;
    }
    // Taken but not done: the marks wait (and keep the laptop's state) for the next sync; after three
    // refusals (an item the server no longer has) they are let go, so they never block the queue.
    const given = await options.repository.noteRefusedChanges(batch.settles);
    calls.tally.droppedItems += given;
    workerLog.warn('sync', `${account.service}: the server refused ${batch.itemIds.length} marks (${given} given up after three tries)`);
  }
  return edited;
};

/** Step 3: the account's feeds, asked again when they came or went (or the list is old); the map from the server's feed ids to the feeds here. */
const refreshFeeds = async (options: SyncAccountOptions, calls: AccountCalls, account: AccountRecord, due: boolean, countedFeeds: number | null): Promise<Map<string, string>> => {
  const { db, repository, accountId } = options;
  if (due) {
    const listed = calls.read(readSubscriptions(await calls.ask({ kind: 'subscriptions' }))).map(
      (subscription): AccountFeed => ({
        readerFeedId: subscription.id,
        url: feedAddressOf(account.serverAddress, subscription.url, subscription.id),
        title: subscription.title,
        folder: subscription.categories?.[0]?.label ?? subscription.categories?.[0]?.id.replace(/^user\/[^/]*\/label\//, '') ?? null,
      }),
    );
    const held = (await db.feeds.toArray()).filter((feed) => feed.account === accountId).length;
    // An empty list while the counts still name feeds (or, with no counts, while feeds are held) is a
    // server's hiccup, not a person removing every feed: it removes nothing here.
    if (listed.length > 0 || held === 0 || countedFeeds === 0) await repository.storeAccountFeeds(accountId, listed);
    else workerLog.warn('sync', `${account.service}: an empty subscription list was not applied (${held} feeds held)`);
  }
  const feeds = (await db.feeds.toArray()).filter((feed) => feed.account === accountId);
  return new Map(feeds.flatMap((feed) => (feed.readerFeedId === undefined ? [] : [[feed.readerFeedId, feed.url] as const])));
};

/**
 * Where the new-items window starts: after the last sync, and never before what *Keep news* keeps
 * (on a first sync, or after months offline, news the laptop would remove is not downloaded at all).
 */
const windowStart = async (db: FieldNewsDb, mark: AccountSyncMark, now: Date): Promise<number | null> => {
  const cutoff = retentionCutoff(parseRetentionChoice((await db.settings.get(retentionSettingKey))?.value), now);
  const kept = cutoff === null ? null : Math.floor(Date.parse(cutoff) / 1000);
  const since = sinceOf(mark);
  return since === null ? kept : kept === null ? since : Math.max(since, kept);
};

export const syncAccount = async (options: SyncAccountOptions): Promise<SyncOutcome> => {
  const { db, repository, accountId } = options;
  const account = await db.accounts.get(accountId);
  if (account === undefined) return quietOutcome(accountId, 'removed');
  const service = account.service;
  const calls = accountCalls(options, account);
  const { tally, read, allIds, fetchAndStore } = calls;
  const mark: AccountSyncMark = { ...emptySyncMark, ...pickMark(account) };
  const nowMs = options.now().getTime();
  const facts = () => ({ feedTitle: service, newItems: tally.newItems, updatedItems: tally.updatedItems, droppedItems: tally.droppedItems, account: { service, server: hostOf(account.serverAddress, 'a server'), readElsewhere: tally.readElsewhere, bytes: tally.bytes } });
  try {
    calls.progress(0);
    // 1. The laptop's changes first, so the server's answers below already hold them (the conflict rule).
    const edited = await sendWaitingChanges(options, calls, account);
    // 2. What changed on the server, in one small answer (a server without unread counts, as Miniflux,
    // is asked for everything the counts would have spared).
    const countsText = await calls.askIfServed({ kind: 'unread-counts' });
    const counts = countsText === null ? null : read(readUnreadCounts(countsText));
    const prints = counts === null ? {} : fingerprintsOf(counts);
    // 3. The feeds.
    const known = new Set((await db.feeds.toArray()).filter((feed) => feed.account === accountId).map((feed) => feed.readerFeedId ?? ''));
    const listDue = counts === null ? mark.subscriptionsAt === null || nowMs - mark.subscriptionsAt >= subscriptionsEveryMs : subscriptionsDue(mark, prints, known, nowMs);
    const feedUrlOf = await refreshFeeds(options, calls, account, listDue, counts === null ? null : Object.keys(prints).length);
    // 4. New items: their ids since the last sync, then the contents of those not stored yet.
    let crawledThroughUsec = mark.crawledThroughUsec;
    if (counts === null || !nothingNewSince(mark, counts)) {
      const ids = await allIds(readerStreams.readingList, await windowStart(db, mark, options.now()), null);
      const stored = await repository.knownReaderItems(accountId, ids);
      await fetchAndStore(
        ids.filter((id) => !stored.has(id)),
        feedUrlOf,
      );
      const newest = counts?.find((count) => isState(count.id, readerStreams.readingList))?.newestItemTimestampUsec;
      // The counts' newest crawl time, else (no counts) the newest of the items that came.
      crawledThroughUsec = laterCrawl(laterCrawl(crawledThroughUsec, newest === undefined ? null : String(newest)), tally.newestCrawl);
    }
    // 5. Read elsewhere: the unread ids of the feeds whose counts moved; once a day (and at every sync
    // of a server without counts) the unread ids of the whole account, for every feed held.
    // The first sync's items came with their states: its daily check is then not due for a day.
    const firstSync = mark.crawledThroughUsec === null;
    const full = counts === null || (!firstSync && fullCheckDue(mark, nowMs));
    if (full) {
      const unread = new Set(await allIds(readerStreams.readingList, null, readerStreams.read));
      for (const feedUrl of feedUrlOf.values()) tally.readElsewhere += (await repository.applyUnreadState(accountId, feedUrl, unread)).readElsewhere;
    } else if (!firstSync) {
      for (const feedId of feedsToCheck(mark, prints, false, edited)) {
        const feedUrl = feedUrlOf.get(feedId);
        if (feedUrl === undefined) continue;
        const unread = await allIds(feedId, null, readerStreams.read);
        tally.readElsewhere += (await repository.applyUnreadState(accountId, feedUrl, new Set(unread))).readElsewhere;
      }
    }
    // 6. Starred, both ways; a starred item older than the laptop's news is fetched.
    const starred = await allIds(readerStreams.starred, null, null);
    const { missing } = await repository.applyStarredState(accountId, new Set(starred));
    if (missing.length > 0) await fetchAndStore(missing.slice(0, mostMissingStarred), feedUrlOf);

    const nextMark: AccountSyncMark = { crawledThroughUsec, feedFingerprints: prints, fullCheckAt: full || firstSync ? nowMs : mark.fullCheckAt, subscriptionsAt: listDue ? nowMs : mark.subscriptionsAt };
    await repository.recordAccountSync(accountId, nextMark, { newItems: tally.newItems, readElsewhere: tally.readElsewhere, bytes: tally.bytes });
    return quietOutcome(accountId, 'synced', { ...facts(), cause: `${tally.requests} requests` });
  } catch (thrown) {
    // Anything else is a bug or a broken store: the sync runner logs it and says the sync was not saved.
    if (!(thrown instanceof SyncStop) && !isDiskFullError(thrown)) throw thrown;
    const failure: ReaderFailure = thrown instanceof SyncStop ? thrown.failure : { reason: 'server-error', error: errorMessages.diskFull };
    await repository.recordAccountFailure(accountId, failure.error).catch((error: unknown) => workerLog.warn('sync', "The account's failure could not be recorded", error));
    return quietOutcome(accountId, 'failed', { ...facts(), error: failure.error, failureReason: isDiskFullError(thrown) ? 'disk-full' : failure.reason, cause: failure.cause ?? null });
  }
};

const pickMark = ({ crawledThroughUsec, feedFingerprints, fullCheckAt, subscriptionsAt }: AccountSyncMark): AccountSyncMark => ({
  crawledThroughUsec: crawledThroughUsec ?? null,
  feedFingerprints: feedFingerprints ?? {},
  fullCheckAt: fullCheckAt ?? null,
  subscriptionsAt: subscriptionsAt ?? null,
});
