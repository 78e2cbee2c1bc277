import { describe, expect, it, vi } from 'vitest';
import { mergeFeedItem } from '../../../shared/feed/newsItem';
import { parseFeedDocument } from '../../../shared/feed/parseFeedDocument';
import { writeFeed } from '../../../shared/listing/writeFeed';
import { answerParseRequest, type ParseAnswer, type ParseRequest } from '../../../renderer/sync/feedParse.worker';
import { createFeedParser, type FeedParseWorkerPort } from '../../../renderer/sync/feedParser';

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

/** A worker port that answers as the real worker does, its messages copied as postMessage copies them. */
const workerPort = (tamper: (answer: ParseAnswer) => ParseAnswer = (answer) => answer) => {
  const listeners: ((event: MessageEvent<ParseAnswer>) => void)[] = [];
  const posted: ParseRequest[] = [];
  const port: FeedParseWorkerPort & { posted: ParseRequest[] } = {
    posted,
    postMessage: (request) => {
      posted.push(request);
      const answer = structuredClone(tamper(answerParseRequest(structuredClone(request))));
      setTimeout(() => listeners.forEach((listener) => listener(new MessageEvent('message', { data: answer }))), 0);
    },
    addEventListener: (type: string, listener: (event: MessageEvent<ParseAnswer>) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    terminate: vi.fn(),
  };
  return port;
};

const itemsOf = (parsed: ReturnType<typeof parseFeedDocument>) => (parsed.ok && parsed.value.kind === 'feed' ? parsed.value.page.items : []);

describe('createFeedParser', () => {
  it('reads a page in the worker with the result of reading it here', async () => {
    const port = workerPort();
    const parse = createFeedParser({ startWorker: () => port, onWorkerFailed: vi.fn() });
    const parsed = await parse(document);
    expect(port.posted).toHaveLength(1);
    expect(parsed).toEqual(parseFeedDocument(document));
    const now = '2026-11-28T00:00:00.000Z';
    expect(itemsOf(parsed).map((item) => mergeFeedItem(undefined, item, url, now))).toEqual(
      itemsOf(parseFeedDocument(document)).map((item) => mergeFeedItem(undefined, item, url, now)),
    );
  });

  it('takes the fingerprints and previews the worker sends instead of working them out again', async () => {
    const port = workerPort((answer) => ({ ...answer, derived: answer.derived.map((fields) => ({ ...fields, preview: `sent: ${fields.preview}` })) }));
    const parse = createFeedParser({ startWorker: () => port, onWorkerFailed: vi.fn() });
    const items = itemsOf(await parse(document));
    expect(items.map((item) => mergeFeedItem(undefined, item, url, '2026-11-28T00:00:00.000Z')?.preview)).toEqual([
      'sent: Two new hubs & a clinic.',
      'sent: Families moved to the shelter.',
    ]);
  });

  it('reads the pages waiting on a worker that fails here, and every page after it, and says so once', async () => {
    const errorListeners: ((event: MessageEvent<ParseAnswer>) => void)[] = [];
    const postMessage = vi.fn();
    const terminate = vi.fn();
    const silent: FeedParseWorkerPort = {
      postMessage,
      addEventListener: (type: string, listener: (event: MessageEvent<ParseAnswer>) => void) => {
        if (type === 'error') errorListeners.push(listener);
      },
      terminate,
    };
    const onWorkerFailed = vi.fn();
    const parse = createFeedParser({ startWorker: () => silent, onWorkerFailed });
    const waiting = parse(document);
    // A worker's error event (its script failed, or threw): the parser reads no field of it.
    errorListeners.forEach((listener) => listener(new MessageEvent('error')));
    expect(await waiting).toEqual(parseFeedDocument(document));
    expect(await parse(document)).toEqual(parseFeedDocument(document));
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(onWorkerFailed).toHaveBeenCalledTimes(1);
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
