// The fixture corpus (tests/fixtures/feeds): every format and quirk real feeds have, each file
// read through parseFeedDocument with its expected item count and a few expected fields.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/errorMessages';
import type { FeedItem, FeedPage } from '../../../shared/feed/feedItem';
import { parseFeedDocument, type ParsedFeedDocument } from '../../../shared/feed/parseFeedDocument';
import type { Result } from '../../../shared/result';
import type { UserMessage } from '../../../shared/i18n/userMessage';
import { englishText } from '../../../shared/i18n/formatMessages';

const folder = new URL('../../fixtures/feeds/', import.meta.url);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, folder)));

export const parseFixture = (name: string, contentType: string | null = null, url = `https://fixtures.example/feeds/${name}`): Result<ParsedFeedDocument, UserMessage> =>
  parseFeedDocument({ bytes: read(name), contentType, url });

const pageOf = (name: string, contentType: string | null = null): FeedPage => {
  const result = parseFixture(name, contentType);
  if (!result.ok) throw new Error(`${name}: ${englishText(result.error)}`);
  if (result.value.kind !== 'feed') throw new Error(`${name}: a web page`);
  return result.value.page;
};

interface FeedCase {
  file: string;
  contentType?: string;
  format: FeedPage['format'];
  count: number;
  check?: (page: FeedPage, items: FeedItem[]) => void;
}

const feedCases: FeedCase[] = [
  { file: 'rss2-basic.xml', format: 'rss', count: 2, check: (page, [first, second]) => {
    expect(page).toMatchObject({ title: 'IOM Mexico news', homePageUrl: 'https://mexico.iom.example/', language: 'es-MX' });
    expect(first).toMatchObject({ id: 'https://mexico.iom.example/news/shelter-tapachula', authors: ['Ana Torres'], tags: ['Shelter', 'Chiapas'], datePublished: '2021-06-07T14:30:00.000Z' });
    expect(first?.contentHtml).toBe('<p>A new shelter for 300 people opened on Monday.</p>');
    expect(second).toMatchObject({ id: 'iom-mx-2021-0142', datePublished: '2021-06-04T14:00:00.000Z' });
  } },
  { file: 'rss091.xml', format: 'rss', count: 2, check: (page, [first, second]) => {
    expect(page.language).toBe('es');
    expect(first).toMatchObject({ id: 'http://inm.example/bulletin/1', url: 'http://inm.example/bulletin/1' });
    expect(second).toMatchObject({ title: 'New forms online', contentText: '' });
  } },
  { file: 'rss092.xml', format: 'rss', count: 2, check: (_page, [first, second]) => {
    expect(first).toMatchObject({ id: 'http://paper.example/2021/rain', title: '' });
    expect(second?.id).toMatch(/^title-date:/);
  } },
  { file: 'rdf-rss1.xml', format: 'rdf', count: 2, check: (page, [first, second]) => {
    expect(page.language).toBe('en');
    expect(first).toMatchObject({ id: 'http://unhcr.example/briefing/1', datePublished: '2021-06-18T08:00:00.000Z', authors: ['Briefing team'], tags: ['Panama'] });
    expect(second?.datePublished).toBe('2021-06-17T00:00:00.000Z');
  } },
  { file: 'atom-text.xml', format: 'atom', count: 1, check: (page, [entry]) => {
    expect(page).toMatchObject({ title: 'OCHA updates', feedUrl: 'https://ocha.example/feed.atom', homePageUrl: 'https://ocha.example/' });
    expect(entry).toMatchObject({ id: 'urn:ocha:1', title: 'Floods <update>', contentText: 'Rivers rose in Honduras. 5 < 7.', contentHtml: null, authors: ['OCHA'] });
    expect(entry).toMatchObject({ datePublished: '2021-06-17T13:00:00.000Z', dateModified: '2021-06-18T12:00:00.000Z' });
  } },
  { file: 'atom-html.xml', format: 'atom', count: 1, check: (_page, [entry]) => {
    expect(entry).toMatchObject({ title: 'Cholera response scaled up', summary: 'Teams reach Port-au-Prince.', tags: ['Health'], authors: ['Marie Joseph'] });
    expect(entry?.contentHtml).toBe('<p>Teams reach Port-au-Prince and Les Cayes.</p>');
  } },
  { file: 'atom-xhtml.xml', format: 'atom', count: 1, check: (_page, [entry]) => {
    expect(entry?.title).toBe('Food distribution');
    expect(entry?.contentHtml).toContain('<i>Quetzaltenango</i>');
    expect(entry?.dateModified).toBe('2021-06-19T06:15:00.000Z');
  } },
  { file: 'atom-no-ids.xml', format: 'atom', count: 2, check: (page, [first, second]) => {
    expect(first?.id).toBe('https://noids.example/1');
    expect(second?.id).toMatch(/^title-date:/);
    // No id, link, title or date: nothing would know it again next sync.
    expect(page.droppedItems.withoutId).toBe(1);
  } },
  { file: 'atom-content-src.xml', format: 'atom', count: 1, check: (_page, [entry]) => {
    expect(entry).toMatchObject({ url: 'https://src.example/report.pdf', contentText: 'Monthly report', summary: null });
  } },
  { file: 'jsonfeed-1.0-http.json', format: 'json-feed', count: 2, check: (_page, [first, second]) => {
    expect(first).toMatchObject({ id: '101', authors: ['Editor One'] });
    // The feed's own author stands for items that name none.
    expect(second).toMatchObject({ id: '102', imageUrl: 'https://reliefweb.example/map.png', authors: ['ReliefWeb'] });
  } },
  { file: 'jsonfeed-1.1.json', format: 'json-feed', count: 1, check: (page, [item]) => {
    expect(page).toMatchObject({ language: 'en', nextUrl: 'https://dtm.example/feed.json?page=2' });
    expect(item).toMatchObject({ authors: ['DTM team', 'Field office'], imageUrl: 'https://dtm.example/banner.jpg', tags: ['flows'] });
  } },
  { file: 'jsonfeed-no-version.json', format: 'json-feed', count: 1, check: (_page, [item]) => {
    expect(item?.title).toBe('Café opens');
  } },
  { file: 'jsonfeed-author-vs-authors.json', format: 'json-feed', count: 3, check: (_page, items) => {
    expect(items.map((item) => item.authors)).toEqual([['Single Author'], ['First', 'Second'], []]);
  } },
  { file: 'mislabeled-text-html.xml', contentType: 'text/html; charset=utf-8', format: 'rss', count: 1 },
  { file: 'leading-server-warning.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('Leading warning') },
  { file: 'octet-stream.atom', contentType: 'application/octet-stream', format: 'atom', count: 1 },
  { file: 'entities.xml', format: 'rss', count: 2, check: (page, [first, second]) => {
    expect(page.title).toBe('Entités');
    expect(first?.title).toBe('Café in Petén & España');
    expect(second?.title).toBe('A “quoted” title — with dashes');
  } },
  { file: 'xml-base.atom', format: 'atom', count: 2, check: (page, [first, second]) => {
    expect(page).toMatchObject({ homePageUrl: 'https://base.example/news/', nextUrl: 'https://base.example/news/page/2' });
    expect(first).toMatchObject({ url: 'https://base.example/news/2021/june/item.html', imageUrl: 'https://base.example/pictures/june.jpg' });
    expect(second?.url).toBe('https://base.example/news/other.html');
  } },
  { file: 'rss-relative-links.xml', format: 'rss', count: 2, check: (_page, [first, second]) => {
    expect(first).toMatchObject({ url: 'https://paper.example/section/story/1.html', imageUrl: 'https://paper.example/section/img/1.png' });
    expect(second?.url).toBeNull();
  } },
  { file: 'media-content.xml', format: 'rss', count: 2, check: (_page, items) => {
    expect(items.map((item) => item.imageUrl)).toEqual(['https://media.example/photo.jpg', 'https://media.example/g.png']);
  } },
  { file: 'media-thumbnail.xml', format: 'rss', count: 1, check: (_page, [item]) => expect(item?.imageUrl).toBe('https://thumbs.example/t1.jpg') },
  { file: 'enclosure-image.xml', format: 'rss', count: 2, check: (_page, items) => {
    expect(items.map((item) => item.imageUrl)).toEqual([null, 'https://enc.example/p.jpg']);
  } },
  { file: 'itunes-image.xml', format: 'rss', count: 1, check: (_page, [item]) => expect(item?.imageUrl).toBe('https://radio.example/ep.jpg') },
  { file: 'georss-point.xml', format: 'rss', count: 3, check: (_page, items) => {
    expect(items.map((item) => item.point)).toEqual([{ latitude: 14.905, longitude: -92.255 }, { latitude: 10, longitude: -100 }, null]);
  } },
  { file: 'geo-latlong.xml', format: 'rss', count: 2, check: (_page, items) => {
    expect(items.map((item) => item.point)).toEqual([{ latitude: 15.5, longitude: -88.03 }, null]);
  } },
  { file: 'gml-pos.xml', format: 'rss', count: 2, check: (_page, items) => {
    expect(items.map((item) => item.point)).toEqual([null, { latitude: 31.69, longitude: -106.42 }]);
  } },
  { file: 'gml-pos.atom', format: 'atom', count: 1, check: (_page, [item]) => expect(item?.point).toEqual({ latitude: 14.63, longitude: -90.51 }) },
  { file: 'georss-atom.xml', format: 'atom', count: 1, check: (_page, [item]) => expect(item?.point).toEqual({ latitude: 14.63, longitude: -90.51 }) },
  { file: 'paging-atom-next.atom', format: 'atom', count: 1, check: (page) => {
    expect(page).toMatchObject({ nextUrl: 'https://paged.example/feed?page=2', feedUrl: 'https://paged.example/feed?page=1' });
  } },
  { file: 'paging-rss-atom-link.xml', format: 'rss', count: 1, check: (page) => {
    expect(page).toMatchObject({ nextUrl: 'https://fixtures.example/rss?page=2', feedUrl: 'https://pagedrss.example/rss' });
  } },
  { file: 'attack-billion-laughs.xml', format: 'rss', count: 1, check: (_page, [item]) => {
    // The DTD is never read: the reference stays as written, nothing expands.
    expect(item?.title).toBe('&lol9;');
  } },
  { file: 'attack-xxe.xml', format: 'rss', count: 1, check: (_page, [item]) => {
    expect(item?.title).toBe('Read &xxe;');
    expect(JSON.stringify(item)).not.toContain('root:');
  } },
  { file: 'unescaped-ampersand.xml', format: 'rss', count: 1, check: (page, [item]) => {
    expect(page.title).toBe('Q&A with AT&T');
    expect(item).toMatchObject({ title: 'Tom & Jerry visit Tapachula', url: 'https://amp.example/item?id=1&lang=es' });
  } },
  { file: 'script-in-content.xml', format: 'rss', count: 1, check: (_page, [item]) => {
    // Stored as sent; the reader sanitizes when it shows it.
    expect(item?.contentHtml).toBe('<p>Body text</p><script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(item?.summary).toBe('Short');
  } },
  { file: 'repeated-guids.xml', format: 'rss', count: 2, check: (page, [first]) => {
    expect(first?.title).toBe('First copy');
    expect(page.droppedItems.repeatedId).toBe(2);
  } },
  { file: 'empty-channel.xml', format: 'rss', count: 0, check: (page) => expect(page.title).toBe('Nothing yet') },
  { file: 'dates-mixed.xml', format: 'rss', count: 5, check: (_page, items) => {
    expect(items.map((item) => item.datePublished)).toEqual([
      '2003-06-10T09:00:00.000Z', '2003-06-09T22:30:00.000Z', '2003-06-10T07:00:00.000Z', null, null,
    ]);
  } },
  { file: 'content-encoded-vs-description.xml', format: 'rss', count: 1, check: (_page, [item]) => {
    expect(item).toMatchObject({ contentHtml: '<p>The <b>full</b> story from Guatemala City.</p>', summary: 'The short summary.' });
  } },
  { file: 'title-only-items.xml', format: 'rss', count: 2, check: (_page, items) => {
    expect(items.map((item) => [item.id, item.contentText])).toEqual([['https://headlines.example/1', ''], ['https://headlines.example/2', '']]);
  } },
  { file: 'windows-1252.xml', format: 'rss', count: 1, check: (page, [item]) => {
    expect(page.title).toBe('Niños en León – “refugio” €');
    expect(item?.contentHtml).toBe('Café');
  } },
  { file: 'iso-8859-1.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('Café in Petén, Señor') },
  { file: 'iso-8859-15.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('Coût: 5 €') },
  { file: 'gbk.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('中国新闻') },
  { file: 'shift_jis.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('日本語') },
  { file: 'header-over-declaration.xml', contentType: 'application/xml; charset=windows-1252', format: 'rss', count: 1, check: (page) => {
    expect(page.title).toBe('Niños en León');
  } },
  { file: 'utf-16le-bom.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('Ciudad Juárez – 日本') },
  { file: 'utf-16be-bom.xml', format: 'rss', count: 1, check: (page) => expect(page.title).toBe('Ciudad Juárez – 日本') },
  { file: 'utf-16le-header.xml', contentType: 'text/xml; charset="UTF-16LE"', format: 'rss', count: 1, check: (page) => {
    expect(page.title).toBe('Ciudad Juárez – 日本');
  } },
  { file: 'invalid-utf8.xml', format: 'rss', count: 1, check: (page, [item]) => {
    expect(page.title).toBe('Bad \uFFFD bytes');
    expect(item?.contentHtml).toBe('\uFFFD');
  } },
];

describe('the fixture corpus', () => {
  it.each(feedCases)('$file reads as $format with $count items', ({ file, contentType, format, count, check }) => {
    const page = pageOf(file, contentType ?? null);
    expect(page.format).toBe(format);
    expect(page.items).toHaveLength(count);
    for (const item of page.items) expect(item.id.length).toBeGreaterThan(0);
    check?.(page, page.items);
  });

  it.each([
    ['truncated.xml', errorMessages.feedMalformedXml],
    ['html-no-feeds.html', errorMessages.feedPageWithoutFeeds],
    ['not-a-feed.txt', errorMessages.feedUnrecognised],
  ])('refuses %s with a reason a field officer can act on', (file, message) => {
    expect(parseFixture(file, 'text/html')).toEqual({ ok: false, error: message });
  });

  it('reads the feeds a web page announces, absolute, once each, http(s) only', () => {
    expect(parseFixture('html-with-feeds.html', 'text/html')).toEqual({
      ok: true,
      value: {
        kind: 'web-page',
        feedLinks: [
          { url: 'https://site.example/en/feed.xml', title: 'News & updates', format: 'rss' },
          { url: 'https://site.example/atom.xml', title: null, format: 'atom' },
          { url: 'https://site.example/feed.json', title: null, format: 'json-feed' },
        ],
      },
    });
  });

  it('covers every fixture file', () => {
    const named = new Set([...feedCases.map((entry) => entry.file), 'truncated.xml', 'html-no-feeds.html', 'not-a-feed.txt', 'html-with-feeds.html']);
    const files = readdirSync(folder).filter((name) => !name.endsWith('.mjs'));
    expect(files.filter((name) => !named.has(name))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });
});
