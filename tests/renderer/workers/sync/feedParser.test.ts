import { describe, expect, it, vi } from 'vitest';
import { mergeFeedItem } from '../../../../shared/feed/newsItem';
import { parseFeedDocument } from '../../../../shared/feed/parseFeedDocument';
import { writeFeed } from '../../../../shared/listing/writeFeed';
import { createThreadChannel, type CallMap } from '../../../../shared/threads/threadChannel';
import type { ParseCalls, ParsedPage } from '../../../../renderer/threads/parseContract';
import { parsePage } from '../../../../renderer/workers/parse/parsePage';
import { createFeedParser, parseWorkerPays } from '../../../../renderer/workers/sync/feedParser';
import { workerStandIn } from '../../../fixtures/workerStandIn';

const url = 'https://news.example.org/feed.atom';
const atomPage = new TextEncoder().encode(
  writeFeed(
    {
      title: 'Regional News',
      items: [
        { id: 'a', title: 'Hubs open in Petén', content_html: '<p>Two <b>new</b> hubs &amp; a clinic.</p>', date_published: '2026-11-01T10:00:00Z' },
        { id: 'b', title: 'Rains in Tapachula', content_text: 'Families moved to the shelter.', date_published: '2026-11-02T10:00:00Z', tags: ['rain'] },
      ],
    },
    'atom',
  ),
);
const document = { bytes: atomPage, contentType: 'application/atom+xml; charset=utf-8', url };

/** The parse worker's own code on the other end of a real MessageChannel; `tamper` changes its answers. */
const parseWorker = (tamper: (answer: ParsedPage) => ParsedPage = (answer) => answer) => {
  const asked: string[] = [];
  const worker = workerStandIn((scope) =>
    createThreadChannel<CallMap, ParseCalls>(scope, {
      serve: {
        parsePage: (document) => {
          asked.push(document.url);
          return tamper(parsePage(document));
        },
      },
    }),
  );
  return Object.assign(worker, { asked });
};

const itemsOf = (parsed: ReturnType<typeof parseFeedDocument>) => (parsed.ok && parsed.value.kind === 'feed' ? parsed.value.page.items : []);

describe('createFeedParser', () => {
  it('reads a page in the worker with the result of reading it here', async () => {
    const worker = parseWorker();
    const parse = createFeedParser({ startWorker: () => worker, onWorkerFailed: vi.fn() });
    const parsed = await parse(document);
    expect(worker.asked).toEqual([url]);
    expect(parsed).toEqual(parseFeedDocument(document));
    const now = '2026-11-28T00:00:00.000Z';
    expect(itemsOf(parsed).map((item) => mergeFeedItem(undefined, item, url, now))).toEqual(
      itemsOf(parseFeedDocument(document)).map((item) => mergeFeedItem(undefined, item, url, now)),
    );
  });

  it('takes the fingerprints and previews the worker sends instead of working them out again', async () => {
    const worker = parseWorker((answer) => ({ ...answer, derived: answer.derived.map((fields) => ({ ...fields, preview: `sent: ${fields.preview}` })) }));
    const parse = createFeedParser({ startWorker: () => worker, onWorkerFailed: vi.fn() });
    const items = itemsOf(await parse(document));
    expect(items.map((item) => mergeFeedItem(undefined, item, url, '2026-11-28T00:00:00.000Z')?.preview)).toEqual([
      'sent: Two new hubs & a clinic.',
      'sent: Families moved to the shelter.',
    ]);
  });

  it('reads the pages waiting on a worker that fails here, and every page after it, and says so once', async () => {
    // A worker that never answers: its script failed to load, or it is stuck.
    const silent = workerStandIn(() => undefined);
    const onWorkerFailed = vi.fn();
    const parse = createFeedParser({ startWorker: () => silent, onWorkerFailed });
    const waiting = parse(document);
    silent.fail('SyntaxError: Unexpected token');
    expect(await waiting).toEqual(parseFeedDocument(document));
    expect(await parse(document)).toEqual(parseFeedDocument(document));
    expect(silent.terminated).toBe(true);
    expect(onWorkerFailed).toHaveBeenCalledTimes(1);
    expect(onWorkerFailed.mock.calls[0]?.[0]).toContain('SyntaxError: Unexpected token');
  });

  it('reads pages here when no worker can start', async () => {
    const onWorkerFailed = vi.fn();
    const parse = createFeedParser({ startWorker: () => { throw new Error('no workers here'); }, onWorkerFailed });
    expect(await parse(document)).toEqual(parseFeedDocument(document));
    expect(onWorkerFailed).toHaveBeenCalledTimes(1);
    expect(await createFeedParser({ startWorker: null, onWorkerFailed })(document)).toEqual(parseFeedDocument(document));
    expect(onWorkerFailed).toHaveBeenCalledTimes(1);
  });
});

describe('parseWorkerPays', () => {
  it('starts no parse worker on two cores or fewer, nor where the browser does not say', () => {
    expect([undefined, 0, 1, 2].map(parseWorkerPays)).toEqual([false, false, false, false]);
  });

  it('starts one where cores are to spare', () => {
    expect([3, 4, 8, 16].map(parseWorkerPays)).toEqual([true, true, true, true]);
  });
});
