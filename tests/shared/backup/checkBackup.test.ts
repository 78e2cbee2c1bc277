import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleMaxCharacters } from '../../../shared/articles/articleRecord';
import { backupCaps, backupFileName, backupItemSchema, type BackupCaps } from '../../../shared/backup/backupFormat';
import { createBackupCheck } from '../../../shared/backup/checkBackup';
import { errorMessages } from '../../../shared/errorMessages';
import { sampleFeedKey } from '../../../shared/feed/sampleFeed';

const feed = { url: 'https://news.example.org/feed.json', title: 'Regional news', addedAt: '2026-01-01T00:00:00.000Z', folder: null };
const item = {
  feedUrl: feed.url,
  id: 'a-1',
  title: 'Hubs open in Petén',
  url: 'https://news.example.org/a-1',
  contentText: 'Two new hubs.',
  contentHtml: null,
  summary: null,
  datePublished: '2021-06-18T12:00:00Z',
  dateModified: null,
  tags: ['Guatemala'],
  read: true,
  starred: false,
  firstSeenAt: '2026-01-02T00:00:00.000Z',
};
const backup = (overrides: Record<string, unknown> = {}) => ({
  format: 'field-news-backup',
  version: 1,
  exportedAt: '2026-11-28T10:00:00.000Z',
  app: { version: '0.1.0' },
  feeds: [feed],
  settings: [{ key: 'syncIntervalMinutes', value: '30' }],
  items: [item],
  ...overrides,
});

const check = (text: string, caps: BackupCaps = backupCaps) => {
  const checker = createBackupCheck(caps);
  checker.push(text);
  return checker.end();
};

describe('checking a backup before anything is written', () => {
  it('keeps the header, feeds and settings, and counts the items', () => {
    const result = check(JSON.stringify(backup({ items: [item, { ...item, id: 'a-2' }] })));
    expect(result).toEqual({
      ok: true,
      value: { header: { format: 'field-news-backup', version: 1, exportedAt: '2026-11-28T10:00:00.000Z', app: { version: '0.1.0' } }, feeds: [feed], settings: [{ key: 'syncIntervalMinutes', value: '30' }], itemCount: 2 },
    });
  });

  it('reads a backup written before items had authors, pictures and places', () => {
    expect(check(JSON.stringify(backup())).ok).toBe(true);
    expect(check(JSON.stringify(backup({ items: [{ ...item, authors: ['Ana'], imageUrl: 'https://news.example.org/a.jpg', point: { latitude: 14.9, longitude: -92.3 } }] }))).ok).toBe(true);
  });

  it('names a file that is not JSON, and one that is cut short', () => {
    expect(check('PK\u0003\u0004 not json')).toEqual({ ok: false, error: errorMessages.backupNotJson });
    const text = JSON.stringify(backup());
    expect(check(text.slice(0, text.length - 20))).toEqual({ ok: false, error: errorMessages.backupCutShort });
  });

  it('names a JSON file that is not a Field News backup', () => {
    const jsonFeed = { version: 'https://jsonfeed.org/version/1.1', title: 'A feed', items: [{ id: '1', content_text: 'x' }] };
    expect(check(JSON.stringify(jsonFeed))).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    expect(check('[1, 2, 3]')).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    expect(check(JSON.stringify(backup({ format: 'other-app-backup' })))).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    expect(check(JSON.stringify(backup({ exportedAt: 'yesterday' })))).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    // The format is named after the items here; a foreign file is still named as foreign, not as damaged.
    expect(check(JSON.stringify({ items: [{ id: 1 }], format: 'something-else' }))).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
  });

  it('names a backup from a newer Field News', () => {
    expect(check(JSON.stringify(backup({ version: 2, items: [{ newShape: true }] })))).toEqual({ ok: false, error: errorMessages.backupNewerVersion(2) });
  });

  it('names the first damaged entry by its list and position', () => {
    const items = [item, { ...item, id: 'a-2' }, { ...item, id: 'a-3', read: 'yes' }, { ...item, id: '' }];
    expect(check(JSON.stringify(backup({ items })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('items', 3) });
    expect(check(JSON.stringify(backup({ feeds: [{ ...feed, title: 42 }] })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('feeds', 1) });
    expect(check(JSON.stringify(backup({ items: [{ ...item, imageUrl: 'javascript:alert(1)' }] })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('items', 1) });
    expect(check(JSON.stringify(backup({ items: [{ ...item, title: 'x'.repeat(2_001) }] })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('items', 1) });
  });

  it('keeps each feed address in its normal form, so that no newline reaches the key text of its items', () => {
    const written = 'HTTPS://News.Example.org/feed.json\n?x=1';
    const result = check(JSON.stringify(backup({ feeds: [{ ...feed, url: written }], items: [{ ...item, feedUrl: written }] })));
    expect(result).toMatchObject({ ok: true, value: { feeds: [{ ...feed, url: 'https://news.example.org/feed.json?x=1' }] } });
    // The bundled sample's key is no web address, and stays as it is.
    expect(check(JSON.stringify(backup({ feeds: [{ ...feed, url: sampleFeedKey }], items: [{ ...item, feedUrl: sampleFeedKey }] })))).toMatchObject({ ok: true, value: { feeds: [{ url: sampleFeedKey }] } });
  });

  it('names a feed whose address is not a web address, by its position and address', () => {
    const feeds = [feed, { ...feed, url: 'file:///etc/passwd' }];
    expect(check(JSON.stringify(backup({ feeds })))).toEqual({ ok: false, error: errorMessages.backupFeedAddress(2, 'file:///etc/passwd') });
    expect(check(JSON.stringify(backup({ feeds: [{ ...feed, url: 'javascript:alert(1)' }] })))).toEqual({ ok: false, error: errorMessages.backupFeedAddress(1, 'javascript:alert(1)') });
  });

  it('reads a "__proto__" key as a header like any other, never as the header\'s prototype', () => {
    const { format, version, exportedAt, app, ...lists } = backup();
    const text = `{"__proto__":${JSON.stringify({ format, version, exportedAt, app })},${JSON.stringify(lists).slice(1)}`;
    expect(check(text)).toEqual({ ok: false, error: errorMessages.backupNotFieldNews });
    expect(({} as Record<string, unknown>).format).toBeUndefined();
  });

  it('refuses items of a feed the backup does not list', () => {
    const stray = { ...item, feedUrl: 'https://elsewhere.example.org/feed.json' };
    expect(check(JSON.stringify(backup({ items: [item, stray] })))).toEqual({ ok: false, error: errorMessages.backupUnknownFeed(stray.feedUrl) });
  });

  it('refuses more items than the cap', () => {
    const caps = { ...backupCaps, items: 2 };
    expect(check(JSON.stringify(backup({ items: [item, item] })), caps).ok).toBe(true);
    expect(check(JSON.stringify(backup({ items: [item, item, item] })), caps)).toEqual({ ok: false, error: errorMessages.backupTooLarge(2, Math.round(backupCaps.fileBytes / 1024 ** 2)) });
  });

  it('answers any JSON value with a verdict, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (anything, inside) => {
        for (const text of [JSON.stringify(anything), JSON.stringify(backup({ items: [inside] })), JSON.stringify(backup({ feeds: inside }))]) {
          const result = check(text);
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a feed's Full articles choice, reads a word it does not know as no choice, and refuses one that is no text", () => {
    expect(check(JSON.stringify(backup({ feeds: [{ ...feed, fullArticles: 'always' }] })))).toMatchObject({ ok: true, value: { feeds: [{ fullArticles: 'always' }] } });
    const later = check(JSON.stringify(backup({ feeds: [{ ...feed, fullArticles: 'onWifiOnly' }] })));
    expect(later.ok && later.value.feeds[0]?.fullArticles).toBeUndefined();
    expect(later.ok && later.value.feeds[0]?.url).toBe(feed.url);
    for (const wrong of [3, true, ['always'], { choice: 'always' }, 'x'.repeat(65)]) {
      expect(check(JSON.stringify(backup({ feeds: [{ ...feed, fullArticles: wrong }] })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('feeds', 1) });
    }
  });

  const article = { pageUrl: 'https://news.example.org/a-1', title: 'Hubs', byline: null, siteName: 'News', length: 13, savedAt: '2026-05-01T00:00:00.000Z', html: '<p>Two new hubs.</p>', text: 'Two new hubs.' };

  it("reads an item's saved article, and an item without one (a backup from before articles)", () => {
    expect(check(JSON.stringify(backup({ items: [{ ...item, article }, { ...item, id: 'a-2', article: null }, { ...item, id: 'a-3' }] })))).toMatchObject({ ok: true, value: { itemCount: 3 } });
    expect(backupItemSchema.parse({ ...item, article }).article).toEqual(article);
  });

  it('refuses an article over its caps, of the wrong shape, or from a page that is no web address', () => {
    const wrongs: Record<string, unknown>[] = [
      { html: 'x'.repeat(articleMaxCharacters + 1) },
      { text: 'x'.repeat(articleMaxCharacters + 1) },
      { title: 'x'.repeat(2_001) },
      { byline: 'x'.repeat(2_001) },
      { siteName: 42 },
      { pageUrl: 'javascript:alert(1)' },
      { pageUrl: '/relative/page' },
      { pageUrl: null },
      { length: -1 },
      { length: 1.5 },
      { length: '13' },
      { savedAt: 'yesterday' },
      { savedAt: 1_746_057_600_000 },
      { html: ['<p>', '</p>'] },
      { html: undefined },
    ];
    for (const wrong of wrongs) {
      expect(check(JSON.stringify(backup({ items: [{ ...item, article: { ...article, ...wrong } }] }))), JSON.stringify(wrong).slice(0, 60)).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('items', 1) });
    }
    for (const wrong of ['<p>text</p>', 42, [article], true]) {
      expect(check(JSON.stringify(backup({ items: [{ ...item, article: wrong }] })))).toEqual({ ok: false, error: errorMessages.backupDamagedEntry('items', 1) });
    }
  });

  it('answers any article a file may hold with a verdict, and lets through only one within every rule', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(articleMaxCharacters + 1)), fc.constant(null), fc.integer(), fc.jsonValue());
    const anyArticle = fc.record(
      {
        pageUrl: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', '//host/x', ''), anyText),
        title: anyText,
        byline: anyText,
        siteName: anyText,
        length: fc.oneof(fc.integer({ min: -10, max: 1e9 }), fc.double(), anyText),
        savedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), anyText),
        html: anyText,
        text: anyText,
      },
      { requiredKeys: [] },
    );
    const goodText = fc.string({ unit: 'grapheme', maxLength: 40 });
    const goodArticle = fc.record({
      pageUrl: fc.webUrl({ validSchemes: ['http', 'https'] }),
      title: fc.option(goodText),
      byline: fc.option(goodText),
      siteName: fc.option(goodText),
      length: fc.nat(),
      savedAt: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }).map((date) => date.toISOString()),
      html: goodText,
      text: goodText,
    });
    let kept = 0;
    fc.assert(
      fc.property(fc.oneof(goodArticle, anyArticle), (candidate) => {
        const result = check(JSON.stringify(backup({ items: [{ ...item, article: candidate }] })));
        const read = backupItemSchema.safeParse({ ...item, article: candidate });
        expect(result.ok).toBe(read.success);
        if (!read.success || !read.data.article) return;
        const { html, text, pageUrl, length, savedAt } = read.data.article;
        kept += 1;
        expect(html.length).toBeLessThanOrEqual(articleMaxCharacters);
        expect(text.length).toBeLessThanOrEqual(articleMaxCharacters);
        expect(pageUrl).toMatch(/^https?:\/\//i);
        expect(Number.isSafeInteger(length) && length >= 0).toBe(true);
        expect(Number.isNaN(Date.parse(savedAt))).toBe(false);
      }),
      { numRuns: 500 },
    );
    // The good half is let through, so the rules above were checked on real articles.
    expect(kept).toBeGreaterThan(100);
  });

  it('suggests a file name with the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 30))).toBe('field-news-backup-2026-01-05.json');
  });
});
