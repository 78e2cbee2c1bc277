// walkFeedPages against a real HTTP server on 127.0.0.1: pagination, conditional GET, and every
// transport and parsing fault, each with its message and no partial page stored.
import { describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import { storageCaps } from '../../../shared/feed/feedItem';
import { fail } from '../../../shared/result';
import type { FeedServerFault } from '../../../scripts/feedServer';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import { fetchFeedDocument } from '../../../shared/sync/fetchFeedDocument';
import { walkFeedPages, type DocumentToParse, type WalkFeedOptions, type WalkProgress, type WalkResult, type WalkResumePoint } from '../../../shared/sync/walkFeedPages';
import { feedItems, nodeTransport, recordingStore, serveFeed, testPolicy, validatorsByPage, walkOptions } from './syncTestKit';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { englishText } from '../../../shared/i18n/formatMessages';

const succeeded = (result: WalkResult) => {
  // The cause says what a store threw: a test's own wait that failed inside storePage shows here.
  if (!result.ok) throw new Error(`expected the walk to succeed, got: ${englishText(result.error)}${result.cause === undefined ? '' : ` (${result.cause})`}`);
  return result.value;
};

const failed = (result: WalkResult) => {
  if (result.ok) throw new Error('expected the walk to fail');
  return result;
};

const storedIds = (store: ReturnType<typeof recordingStore>) => store.pages.flatMap(({ page }) => page.items.map((item) => item.id));

describe('walkFeedPages: pages and conditional GET', () => {
  it('follows next_url through every page, storing each with its validators and reporting progress', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10, title: 'IOM Regional News' });
    const store = recordingStore();
    const progress: WalkProgress[] = [];
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store, { onProgress: (step) => progress.push(step) })));

    expect(summary).toMatchObject({ feedTitle: 'IOM Regional News', pagesStored: 3, newItems: 25, endedBy: 'last-page' });
    expect(storedIds(store)).toEqual(feedItems(25).map((item) => item.id));
    expect(store.pages.map(({ validators }) => validators.pageUrl)).toEqual([server.url, `${server.url}?page=2`, `${server.url}?page=3`]);
    expect(store.pages[0]?.validators).toMatchObject({ nextUrl: `${server.url}?page=2`, storedAt: '2026-11-27T18:00:00.000Z' });
    expect(store.pages[0]?.validators.etag).toMatch(/^"/);
    expect(progress.map(({ pageNumber, newItems, totalNew }) => [pageNumber, newItems, totalNew])).toEqual([
      [1, 10, 10],
      [2, 10, 20],
      [3, 5, 25],
    ]);
  });

  it('ends the second sync at a 304 on the first page, storing nothing', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10 });
    const first = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, first)));
    const second = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first) })));

    expect(summary).toMatchObject({ pagesStored: 0, endedBy: 'not-modified' });
    expect(second.pages).toEqual([]);
    expect(server.requests.at(-1)).toMatchObject({ status: 304, path: '/feed.json' });
    expect(server.requests).toHaveLength(4);
  });

  it('ends the second sync when a server without validators sends the same document again', async () => {
    const server = await serveFeed({ items: feedItems(5), validators: false });
    const first = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, first)));
    const second = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first) })));
    expect(summary).toMatchObject({ pagesStored: 0, endedBy: 'unchanged' });
    expect(second.pages).toEqual([]);
  });

  it('goes past an unchanged later page to the pages after it', async () => {
    const server = await serveFeed({ items: feedItems(30), pageSize: 10 });
    const first = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, first)));
    // Page 1 and page 3 change; page 2 answers 304 and the walk follows its stored next_url.
    const changed = feedItems(30).map((item, index) => (index < 10 || index >= 20 ? { ...item, title: `Updated ${index}` } : item));
    server.setItems(changed);
    const second = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first) })));
    expect(summary).toMatchObject({ pagesStored: 2, endedBy: 'last-page' });
    expect(second.pages.map(({ validators }) => validators.pageUrl)).toEqual([server.url, `${server.url}?page=3`]);
    expect(server.requests.slice(3).map((request) => request.status)).toEqual([200, 304, 200]);
  });

  it('stops at the page cap', async () => {
    const server = await serveFeed({ items: feedItems(50), pageSize: 10 });
    const store = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store, { maxPages: 2 })));
    expect(summary).toMatchObject({ pagesStored: 2, endedBy: 'page-cap' });
    expect(server.requests).toHaveLength(2);
  });

  it('ends a next_url loop at the first page seen before, storing each page once', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10, fault: { kind: 'next-url-loop' } });
    const store = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(summary).toMatchObject({ pagesStored: 3, newItems: 25, endedBy: 'repeated-next-url' });
    expect(new Set(storedIds(store)).size).toBe(25);
    expect(server.requests).toHaveLength(3);
  });
});

describe('walkFeedPages: a feed that fails on its first page stores nothing and says why', () => {
  // Only the faults that are about waiting get a short idle timeout; the others keep a generous one.
  const waiting = { idleTimeoutMs: 500 };
  const faults: [string, FeedServerFault, UserMessage, Parameters<typeof testPolicy>[0]][] = [
    ['invalid JSON', { kind: 'invalid-json' }, errorMessages.feedNotJson, {}],
    ['a JSON array', { kind: 'raw', body: '[{"id": "1"}]' }, errorMessages.feedUnrecognised, {}],
    ['a JSON string', { kind: 'raw', body: '"news"' }, errorMessages.feedUnrecognised, {}],
    ['a feed without items', { kind: 'raw', body: '{"version": "https://jsonfeed.org/version/1.1", "title": "Empty"}' }, errorMessages.feedMissingItems, {}],
    ['an HTML page that announces no feed', { kind: 'html-page' }, errorMessages.feedPageWithoutFeeds, {}],
    ['a 500', { kind: 'status', status: 500 }, errorMessages.fetchHttpStatus(500), {}],
    ['a 503', { kind: 'status', status: 503 }, errorMessages.fetchHttpStatus(503), {}],
    ['a 404', { kind: 'status', status: 404 }, errorMessages.fetchHttpStatus(404), {}],
    ['a 410', { kind: 'status', status: 410 }, errorMessages.fetchGone, {}],
    ['a redirect loop', { kind: 'redirect-loop' }, errorMessages.fetchRedirectLoop, {}],
    ['a body cut off halfway', { kind: 'cut-off' }, errorMessages.fetchCutOff, {}],
    ['a body that stalls halfway', { kind: 'stall' }, errorMessages.fetchStalled(0.5), waiting],
    ['a server that never answers', { kind: 'never-answer' }, errorMessages.fetchTimeout(0.5), waiting],
    ['a 50 MB body', { kind: 'huge' }, errorMessages.fetchTooLarge(1), { maxDocumentBytes: 1024 * 1024 }],
  ];

  it.each(faults)('%s', async (_name, fault, message, policyChanges) => {
    const server = await serveFeed({ items: feedItems(2_000), fault, gzip: false });
    const store = recordingStore();
    const failure = failed(await walkFeedPages(walkOptions(server.url, store, {}, testPolicy(policyChanges))));
    expect(failure.error).toEqual(message);
    expect(failure).toMatchObject({ pageNumber: 1, summary: { pagesStored: 0, newItems: 0 } });
    expect(store.pages).toEqual([]);
  });

  it('tells a 410 apart so the feed can be marked gone', async () => {
    const server = await serveFeed({ fault: { kind: 'status', status: 410 } });
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore())));
    expect(failure).toMatchObject({ reason: 'gone', status: 410 });
  });
});

describe('walkFeedPages: a failure on a later page keeps the pages stored before it', () => {
  const faults: [string, FeedServerFault, UserMessage][] = [
    ['a 503', { kind: 'status', status: 503 }, errorMessages.fetchHttpStatus(503)],
    ['invalid JSON', { kind: 'invalid-json' }, errorMessages.feedNotJson],
    ['a body cut off halfway', { kind: 'cut-off' }, errorMessages.fetchCutOff],
  ];

  it.each(faults)('%s on page 2', async (_name, fault, message) => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10, fault, faultOnPage: 2, gzip: false });
    const store = recordingStore();
    const failure = failed(await walkFeedPages(walkOptions(server.url, store)));
    expect(failure).toMatchObject({ error: message, pageNumber: 2, pageUrl: `${server.url}?page=2`, summary: { pagesStored: 1, newItems: 10 } });
    expect(storedIds(store)).toEqual(feedItems(10).map((item) => item.id));
  });

  it('a page the store refuses ends the walk with the store’s message', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10 });
    const store = recordingStore();
    const storePage: typeof store.storePage = (page, validators, resume) =>
      store.pages.length === 1
        ? Promise.resolve({ ...fail(errorMessages.storageUnavailable), reason: 'not-saved' as const })
        : store.storePage(page, validators, resume);
    const failure = failed(await walkFeedPages(walkOptions(server.url, store, { storePage })));
    expect(failure).toMatchObject({ reason: 'not-saved', error: errorMessages.storageUnavailable, pageNumber: 2, summary: { pagesStored: 1 } });
  });

  it('a full disk ends the walk as disk-full, keeping the pages before it and where to resume', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10 });
    const store = recordingStore();
    const storePage: typeof store.storePage = (page, validators, resume) =>
      store.pages.length === 1
        ? Promise.resolve({ ...fail(errorMessages.diskFull), reason: 'disk-full' as const })
        : store.storePage(page, validators, resume);
    const failure = failed(await walkFeedPages(walkOptions(server.url, store, { storePage })));
    expect(failure).toMatchObject({ reason: 'disk-full', error: errorMessages.diskFull, pageNumber: 2 });
    expect(failure.summary).toMatchObject({ pagesStored: 1, resumeAt: { pageUrl: `${server.url}?page=2`, pageNumber: 2 } });
  });

  it('a store that throws is reported, not thrown', async () => {
    const server = await serveFeed({ items: feedItems(5) });
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore(), { storePage: () => Promise.reject(new Error('disk full')) })));
    expect(failure).toMatchObject({ reason: 'not-saved', error: errorMessages.syncPageNotSaved });
  });
});

describe('walkFeedPages: a failed walk says why, for the log', () => {
  it('keeps what a download threw, besides the no-connection message', async () => {
    const fetchDocument = () => Promise.reject(new TypeError('socket hang up'));
    const failure = failed(await walkFeedPages(walkOptions('http://127.0.0.1:9/feed.json', recordingStore(), { fetchDocument })));
    expect(failure).toMatchObject({ reason: 'no-connection', error: errorMessages.fetchNoConnection, pageNumber: 1 });
    expect(failure.cause).toContain('socket hang up');
    expect(failure.cause).toContain('TypeError');
  });

  it('keeps what a download read ahead threw, when the walk asks for that page', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10 });
    const store = recordingStore();
    const fetchDocument: WalkFeedOptions['fetchDocument'] = (request) =>
      request.url === server.url ? fetchFeedDocument(nodeTransport, request, testPolicy()) : Promise.reject(new TypeError('socket hang up'));
    const failure = failed(await walkFeedPages(walkOptions(server.url, store, { fetchDocument })));
    expect(failure).toMatchObject({ reason: 'no-connection', pageNumber: 2, summary: { pagesStored: 1 } });
    expect(failure.cause).toContain('socket hang up');
  });

  it('keeps what a store threw, naming a full quota as such', async () => {
    const server = await serveFeed({ items: feedItems(5) });
    const storePage = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore(), { storePage })));
    expect(failure).toMatchObject({ reason: 'not-saved', error: errorMessages.syncPageNotSaved });
    expect(failure.cause).toContain('QuotaExceededError');
  });

  it('passes on the cause a store gives with its failure', async () => {
    const server = await serveFeed({ items: feedItems(5) });
    const storePage = () => Promise.resolve({ ok: false as const, reason: 'disk-full' as const, error: errorMessages.diskFull, cause: 'QuotaExceededError: no room' });
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore(), { storePage })));
    expect(failure).toMatchObject({ reason: 'disk-full', cause: 'QuotaExceededError: no room' });
  });

  it('passes on what the transport threw inside the download (a refused connection)', async () => {
    const server = await serveFeed({ items: feedItems(1) });
    await server.close();
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore())));
    expect(failure.reason).toBe('refused');
    expect(failure.cause).toMatch(/ECONNREFUSED/);
  });

  it('names which parse failure it was', async () => {
    const server = await serveFeed({ fault: { kind: 'invalid-json' } });
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore())));
    expect(failure).toMatchObject({ reason: 'not-a-feed', error: errorMessages.feedNotJson, cause: errorMessages.feedNotJson.id });
  });

  it('adds no cause where the message says it all (a 503)', async () => {
    const server = await serveFeed({ fault: { kind: 'status', status: 503 } });
    const failure = failed(await walkFeedPages(walkOptions(server.url, recordingStore())));
    expect(failure.reason).toBe('http-status');
    expect(failure.cause).toBeUndefined();
  });
});

describe('walkFeedPages: bad items never reject the good ones', () => {
  it('drops and counts the 3 of 10,000 items that lack ids', async () => {
    const items = feedItems(10_000);
    for (const index of [0, 4_999, 9_999]) delete items[index]?.id;
    const server = await serveFeed({ items });
    const store = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(summary).toMatchObject({ newItems: 9_997, droppedItems: { withoutId: 3, withoutContent: 0, notAnObject: 0, repeatedId: 0 } });
    expect(store.pages[0]?.page.items).toHaveLength(9_997);
  });

  it('keeps items with wrong-typed fields it can still use, and drops the rest', async () => {
    const items = [
      { id: 7, title: 42, content_text: 'Number id becomes text; a number title is dropped.', tags: ['ok', 3, null] },
      { id: { nested: true }, content_text: 'An object id is no id.' },
      { id: 'no-content', content_html: 5 },
      'not an item',
      { id: 'good', title: 'Good', content_html: '<p>Good</p>', url: 12 },
    ];
    const server = await serveFeed({ items });
    const store = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(summary.droppedItems).toEqual({ withoutId: 1, withoutContent: 1, notAnObject: 1, repeatedId: 0 });
    expect(store.pages[0]?.page.items).toMatchObject([
      { id: '7', title: '', tags: ['ok'] },
      { id: 'good', title: 'Good', url: null },
    ]);
  });

  it('keeps items with unreadable dates, as unknown dates', async () => {
    const items = [
      { id: 'a', content_text: 'a', date_published: 'sometime last week' },
      { id: 'b', content_text: 'b', date_published: '2021-02-30T25:61:00Z', date_modified: 12 },
    ];
    const server = await serveFeed({ items });
    const store = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(store.pages[0]?.page.items).toMatchObject([
      { id: 'a', datePublished: null, dateModified: null },
      { id: 'b', datePublished: null, dateModified: null },
    ]);
  });

  it('caps a 1 MB title at the storage cap', async () => {
    const server = await serveFeed({ items: [{ id: 'long', title: 'T'.repeat(1024 * 1024), content_text: 'x' }] });
    const store = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(store.pages[0]?.page.items[0]?.title).toHaveLength(storageCaps.titleCharacters);
  });

  it('stores hostile content_html as sent (the renderer sanitizes it before display)', async () => {
    const server = await serveFeed({ fault: { kind: 'hostile-html' } });
    const store = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, store)));
    const html = store.pages[0]?.page.items[0]?.contentHtml ?? '';
    expect(html).toContain('<script>');
    expect(html).toContain('onerror=');
    expect(html).toContain('javascript:');
  });
});

describe('walkFeedPages: a walk cut short resumes where it stopped', () => {
  const pageOf = (url: string, page: number) => (page === 1 ? url : `${url}?page=${page}`);
  const pathsAfter = (server: { requests: { path: string; status: number }[] }, from: number) =>
    server.requests.slice(from).map(({ path, status }) => `${status} ${path}`);

  /** A 20-page feed whose first walk is cut off (the store refuses) after page 5. */
  const interruptedWalk = async () => {
    const server = await serveFeed({ items: feedItems(200), pageSize: 10 });
    const first = recordingStore();
    const storePage: typeof first.storePage = (page, validators, resume) =>
      first.pages.length === 5 ? Promise.reject(new Error('the window closed')) : first.storePage(page, validators, resume);
    const failure = failed(await walkFeedPages(walkOptions(server.url, first, { storePage })));
    expect(failure.pageNumber).toBe(6);
    // Pages 7 and 8 were already on their way while page 6 was being written (the read-ahead, two
    // pages deep): let them land, so the next walk's requests are its own.
    await vi.waitFor(() => expect(server.requests.map(({ path }) => path)).toContain('/feed.json?page=8'));
    expect(server.requests).toHaveLength(8);
    return { server, first, resumeFrom: first.pages.at(-1)?.resume ?? null };
  };

  it('stores with each page where the next walk should go on, and null with the last page', async () => {
    const server = await serveFeed({ items: feedItems(25), pageSize: 10 });
    const store = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store)));
    expect(store.pages.map(({ resume }) => resume)).toEqual([
      { pageUrl: pageOf(server.url, 2), pageNumber: 2, savedAt: '2026-11-27T18:00:00.000Z' },
      { pageUrl: pageOf(server.url, 3), pageNumber: 3, savedAt: '2026-11-27T18:00:00.000Z' },
      null,
    ]);
    expect(summary.resumeAt).toBeNull();
  });

  it('goes on from page 6 when page 1 is unchanged, and brings the other 150 items', async () => {
    const { server, first, resumeFrom } = await interruptedWalk();
    expect(resumeFrom).toMatchObject({ pageUrl: pageOf(server.url, 6), pageNumber: 6 });
    expect(storedIds(first)).toEqual(feedItems(50).map((item) => item.id));
    const before = server.requests.length;
    const second = recordingStore();
    const progress: number[] = [];
    const summary = succeeded(
      await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first), resumeFrom, onProgress: (step) => progress.push(step.pageNumber) })),
    );
    expect(summary).toMatchObject({ pagesStored: 15, newItems: 150, endedBy: 'last-page', resumeAt: null });
    expect([...storedIds(first), ...storedIds(second)]).toEqual(feedItems(200).map((item) => item.id));
    // Page 1 is asked first (new items would arrive there), then the walk jumps to page 6.
    expect(pathsAfter(server, before)).toEqual(['304 /feed.json', ...Array.from({ length: 15 }, (_, index) => `200 /feed.json?page=${index + 6}`)]);
    expect(progress).toEqual(Array.from({ length: 15 }, (_, index) => index + 6));
    expect(second.pages.at(-1)?.resume).toBeNull();
  });

  it('follows a changed page 1 through the unchanged pages 2 to 5 to the rest', async () => {
    const { server, first, resumeFrom } = await interruptedWalk();
    server.setItems([{ id: 'breaking', title: 'Breaking', content_text: 'New on page 1.' }, ...feedItems(200).slice(1)]);
    const before = server.requests.length;
    const second = recordingStore();
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first), resumeFrom })));
    expect(summary).toMatchObject({ pagesStored: 16, endedBy: 'last-page', resumeAt: null });
    expect(pathsAfter(server, before).slice(0, 6)).toEqual(['200 /feed.json', '304 /feed.json?page=2', '304 /feed.json?page=3', '304 /feed.json?page=4', '304 /feed.json?page=5', '200 /feed.json?page=6']);
    expect(new Set([...storedIds(first), ...storedIds(second)]).size).toBe(201);
  });

  it('keeps the resume point when the resume page fails for a while (a 503), for the next sync', async () => {
    const { server, first, resumeFrom } = await interruptedWalk();
    const flaky = await serveFeed({ items: feedItems(200), pageSize: 10, fault: { kind: 'status', status: 503 }, faultOnPage: 6 });
    // The same pages from a server whose page 6 is down: resume there, fail there.
    const moved = (point: WalkResumePoint): WalkResumePoint => ({ ...point, pageUrl: point.pageUrl.replace(server.origin, flaky.origin) });
    const validators = Object.fromEntries(Object.values(validatorsByPage(first)).map((entry) => [entry.pageUrl.replace(server.origin, flaky.origin), { ...entry, pageUrl: entry.pageUrl.replace(server.origin, flaky.origin), nextUrl: entry.nextUrl?.replace(server.origin, flaky.origin) ?? null }]));
    const failure = failed(await walkFeedPages(walkOptions(flaky.url, recordingStore(), { storedValidators: validators, resumeFrom: moved(resumeFrom!) })));
    expect(failure).toMatchObject({ reason: 'http-status', status: 503, pageNumber: 6, summary: { resumeAt: moved(resumeFrom!) } });
  });

  it('walks again from page 2, asking afresh, when the resume page is gone (404)', async () => {
    const { server, first } = await interruptedWalk();
    const before = server.requests.length;
    const second = recordingStore();
    const missing: WalkResumePoint = { pageUrl: `${server.origin}/old-pages/6`, pageNumber: 6, savedAt: '2026-11-27T17:00:00.000Z' };
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, second, { storedValidators: validatorsByPage(first), resumeFrom: missing })));
    expect(summary).toMatchObject({ pagesStored: 19, endedBy: 'last-page', resumeAt: null });
    expect(pathsAfter(server, before).slice(0, 3)).toEqual(['304 /feed.json', '404 /old-pages/6', '200 /feed.json?page=2']);
    expect(new Set([...storedIds(first), ...storedIds(second)]).size).toBe(200);
  });

  it('ends a one-page feed whose resume page is gone, clearing the point', async () => {
    const server = await serveFeed({ items: feedItems(5) });
    const first = recordingStore();
    succeeded(await walkFeedPages(walkOptions(server.url, first)));
    const missing: WalkResumePoint = { pageUrl: `${server.origin}/old-pages/2`, pageNumber: 2, savedAt: '2026-11-27T17:00:00.000Z' };
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, recordingStore(), { storedValidators: validatorsByPage(first), resumeFrom: missing })));
    expect(summary).toMatchObject({ pagesStored: 0, resumeAt: null });
  });
});

describe('walkFeedPages: the next page is read while this one is written', () => {
  it('downloads page 2 while page 1 is being stored, then two pages ahead, and asks the server for each page once', async () => {
    const server = await serveFeed({ items: feedItems(50), pageSize: 10 });
    const store = recordingStore();
    const askedWhileStoring: string[][] = [];
    const storePage: typeof store.storePage = async (page, validators, resume) => {
      // A slow disk: the write takes until the pages after it that the walk reads ahead (those there
      // are) have been asked for. A wait that runs out throws, so the walk fails and says so.
      const stored = store.pages.length + 1;
      const ahead = stored === 1 ? [2] : [stored + 1, stored + 2];
      const wanted = ahead.filter((number) => number <= 5).map((number) => `/feed.json?page=${number}`);
      await vi.waitFor(() => expect(server.requests.map(({ path }) => path)).toEqual(expect.arrayContaining(wanted)), { timeout: 2_000 });
      // The first page's write lasts a while longer: long enough for a third page to be asked for, were it read ahead.
      if (stored === 1) await new Promise((done) => setTimeout(done, 300));
      askedWhileStoring.push(server.requests.map(({ path }) => path));
      return store.storePage(page, validators, resume);
    };
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store, { storePage })));
    expect(summary).toMatchObject({ pagesStored: 5, newItems: 50 });
    // While the first page is written only the second is read: the first page shows sooner.
    expect(askedWhileStoring[0]).toEqual(['/feed.json', '/feed.json?page=2']);
    expect(server.requests.map(({ path }) => path)).toEqual(['/feed.json', ...[2, 3, 4, 5].map((number) => `/feed.json?page=${number}`)]);
  });

  it('prepares each page read ahead while the one before it is written, and only those', async () => {
    const server = await serveFeed({ items: feedItems(30), pageSize: 10 });
    const store = recordingStore();
    const prepared: string[] = [];
    const stored: string[] = [];
    const storePage: typeof store.storePage = async (page, validators, resume) => {
      stored.push(page.items[0]?.id ?? '');
      // The write lasts until the next page has been prepared; if that never happens while it is written,
      // the wait throws and the walk fails, naming the wait in its cause.
      if (page.nextUrl !== null) await vi.waitFor(() => expect(prepared.length).toBeGreaterThanOrEqual(stored.length), { timeout: 2_000 });
      return store.storePage(page, validators, resume);
    };
    succeeded(await walkFeedPages(walkOptions(server.url, store, { storePage, preparePage: (page) => prepared.push(page.items[0]?.id ?? '') })));
    const firsts = store.pages.map(({ page }) => page.items[0]?.id);
    expect(prepared).toEqual(firsts.slice(1));
  });

  it('reads every page, the ones read ahead too, with the parseDocument it is given, once each', async () => {
    const server = await serveFeed({ items: feedItems(30), pageSize: 10 });
    const store = recordingStore();
    const parsedUrls: string[] = [];
    const parseDocument = (document: DocumentToParse) => {
      parsedUrls.push(document.url);
      // Answered later, as a worker answers.
      return new Promise<ReturnType<typeof parseFeedDocument>>((resolve) => setTimeout(() => resolve(parseFeedDocument(document)), 5));
    };
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, store, { parseDocument })));
    expect(summary).toMatchObject({ pagesStored: 3, newItems: 30, endedBy: 'last-page' });
    expect(storedIds(store)).toEqual(feedItems(30).map((item) => item.id));
    expect(parsedUrls).toEqual([server.url, `${server.url}?page=2`, `${server.url}?page=3`]);
  });

  it('reads no page past the page cap ahead', async () => {
    const server = await serveFeed({ items: feedItems(30), pageSize: 10 });
    const summary = succeeded(await walkFeedPages(walkOptions(server.url, recordingStore(), { maxPages: 2 })));
    expect(summary).toMatchObject({ pagesStored: 2, endedBy: 'page-cap' });
    await new Promise((done) => setTimeout(done, 100));
    expect(server.requests.map(({ path }) => path)).toEqual(['/feed.json', '/feed.json?page=2']);
  });
});
