// Shared pieces of the sync tests: Node's real fetch as the transport, a short-fused policy,
// generated items, a recording store, and feed servers closed after each test.
import { afterEach } from 'vitest';
import type { FeedPage } from '../../../shared/feed/feedItem';
import { fetchFeedDocument, type FeedTransport } from '../../../shared/sync/fetchFeedDocument';
import { defaultFetchPolicy, type FetchPolicy } from '../../../shared/sync/fetchPolicy';
import type { PageValidators, StorePageResult, WalkFeedOptions, WalkResumePoint } from '../../../shared/sync/walkFeedPages';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../../scripts/feedServer';

/** Node's fetch exposes Location on `redirect: 'manual'`, as Electron's net.fetch does. */
export const nodeTransport: FeedTransport = { fetch, followsRedirectsItself: false, sendsUserAgent: true };

export const testPolicy = (overrides: Partial<Omit<FetchPolicy, 'userAgent'>> = {}): FetchPolicy =>
  defaultFetchPolicy('0.0.0-test', { totalTimeoutMs: 20_000, idleTimeoutMs: 5_000, ...overrides });

export const feedItems = (count: number, prefix = 'item'): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index + 1}`,
    title: `News ${index + 1}`,
    content_text: `Text of news ${index + 1}.`,
    date_published: '2021-07-07T12:00:00Z',
  }));

const running: FeedServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A feed server on 127.0.0.1 that is closed when the test ends. */
export const serveFeed = async (options: FeedServerOptions): Promise<FeedServer> => {
  const server = await startFeedServer(options);
  running.push(server);
  return server;
};

/** A store that keeps every page it is given (and the resume point written with it), as the renderer's repository would. */
export const recordingStore = () => {
  const pages: { page: FeedPage; validators: PageValidators; resume: WalkResumePoint | null }[] = [];
  const storePage = (page: FeedPage, validators: PageValidators, resume: WalkResumePoint | null): Promise<StorePageResult> => {
    pages.push({ page, validators, resume });
    return Promise.resolve({ ok: true, value: { newItems: page.items.length, updatedItems: 0 } });
  };
  return { pages, storePage };
};

export const fixedClock = () => new Date('2026-11-27T18:00:00Z');

/** Walk options against a real server with Node's fetch; tests override what they examine. */
export const walkOptions = (feedUrl: string, store: ReturnType<typeof recordingStore>, overrides: Partial<WalkFeedOptions> = {}, policy = testPolicy()): WalkFeedOptions => ({
  feedUrl,
  fetchDocument: (request) => fetchFeedDocument(nodeTransport, request, policy),
  maxPages: policy.maxPagesPerWalk,
  storedValidators: {},
  resumeFrom: null,
  storePage: store.storePage,
  now: fixedClock,
  ...overrides,
});

/** Validators as the repository would hand them back on the next sync. */
export const validatorsByPage = (store: ReturnType<typeof recordingStore>): Record<string, PageValidators> =>
  Object.fromEntries(store.pages.map(({ validators }) => [validators.pageUrl, validators]));
