// A backup's saved article merged into the articles here: taken where none is saved or an older
// one, never over a newer one, never onto an item that now links to another page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, ArticleStatus } from '../../../shared/articles/articleRecord';
import type { BackupArticle } from '../../../shared/backup/backupFormat';
import { mergeBackupArticle, savedArticleOfBackup, type BackupArticleOffer } from '../../../shared/backup/mergeBackupArticle';
import { errorMessages } from '../../../shared/errorMessages';

const feedUrl = 'https://news.example.org/feed.xml';
const itemKey = `${feedUrl}\na`;
const link = 'https://news.example.org/articles/a';
const backupArticle = (savedAt: string, text = 'Shelters in Tapachula.'): BackupArticle => ({
  pageUrl: `${link}?amp=0`,
  title: 'Shelters',
  byline: 'Ana Pérez',
  siteName: 'News',
  length: text.length,
  savedAt,
  html: `<p>${text}</p>`,
  text,
});
const offer = (article: BackupArticle, links: Partial<Pick<BackupArticleOffer, 'storedLink' | 'backupLink'>> = {}): BackupArticleOffer => ({
  itemKey,
  feedUrl,
  storedLink: link,
  backupLink: link,
  article,
  ...links,
});
const record = (status: ArticleStatus, savedAt: string | null, attempts = 1): ArticleRecord => ({
  itemKey,
  feedUrl,
  link,
  status,
  attempts,
  nextTryAt: 0,
  article: status === 'saved' && savedAt !== null ? savedArticleOfBackup(backupArticle(savedAt, 'Here.')) : null,
  failure: status === 'saved' || status === 'waiting' ? null : errorMessages.articleNotInPage,
  bytes: 0,
  savedAt: savedAt === null ? null : Date.parse(savedAt),
});

describe('merging a saved article from a backup', () => {
  it('stores it as saved, sized and timed, where the item has no article here', () => {
    const article = backupArticle('2026-05-01T00:00:00.000Z');
    expect(mergeBackupArticle(undefined, offer(article))).toEqual({
      itemKey,
      feedUrl,
      link,
      status: 'saved',
      attempts: 0,
      nextTryAt: 0,
      article: { pageUrl: article.pageUrl, title: 'Shelters', byline: 'Ana Pérez', siteName: 'News', length: article.length, html: article.html, text: article.text },
      failure: null,
      bytes: 2 * (article.html.length + article.text.length),
      savedAt: Date.parse('2026-05-01T00:00:00.000Z'),
    });
  });

  it('takes the place of one still waiting, refused by its site, or out of tries', () => {
    for (const status of ['waiting', 'not-an-article', 'failed'] as const) {
      expect(mergeBackupArticle(record(status, null, 3), offer(backupArticle('2020-01-01T00:00:00.000Z')))).toMatchObject({ status: 'saved', failure: null, attempts: 3, article: { text: 'Shelters in Tapachula.' } });
    }
  });

  it('replaces an older saved article, and keeps one as new or newer', () => {
    const here = record('saved', '2026-05-01T00:00:00.000Z');
    expect(mergeBackupArticle(here, offer(backupArticle('2026-05-01T00:00:01.000Z')))).toMatchObject({ article: { text: 'Shelters in Tapachula.' }, savedAt: Date.parse('2026-05-01T00:00:01.000Z') });
    expect(mergeBackupArticle(here, offer(backupArticle('2026-05-01T00:00:00.000Z')))).toBeNull();
    expect(mergeBackupArticle(here, offer(backupArticle('2026-04-01T00:00:00.000Z')))).toBeNull();
  });

  it('leaves an item alone whose link is not the one the backup\'s copy had', () => {
    expect(mergeBackupArticle(undefined, offer(backupArticle('2026-05-01T00:00:00.000Z'), { storedLink: 'https://news.example.org/articles/a-corrected' }))).toBeNull();
    expect(mergeBackupArticle(record('waiting', null), offer(backupArticle('2026-05-01T00:00:00.000Z'), { backupLink: null }))).toBeNull();
    // An item without a link keeps its article under the page it came from.
    expect(mergeBackupArticle(undefined, offer(backupArticle('2026-05-01T00:00:00.000Z'), { storedLink: null, backupLink: null }))).toMatchObject({ link: `${link}?amp=0` });
  });

  it('keeps the newest of any number of copies, in any order, and writes nothing the second time', () => {
    const moment = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') });
    const here = fc.option(fc.tuple(fc.constantFrom<ArticleStatus>('waiting', 'saved', 'not-an-article', 'failed'), moment), { nil: undefined });
    const momentsInTwoOrders = fc
      .uniqueArray(moment, { minLength: 1, maxLength: 5 })
      .chain((moments) => fc.tuple(fc.constant(moments), fc.shuffledSubarray(moments, { minLength: moments.length, maxLength: moments.length })));
    const copyAt = (ms: number) => backupArticle(new Date(ms).toISOString(), `Copy ${ms}`);
    fc.assert(
      fc.property(here, momentsInTwoOrders, (stored, [moments, shuffled]) => {
        const copies = moments.map(copyAt);
        const start = stored && record(stored[0], new Date(stored[1]).toISOString());
        const fold = (articles: BackupArticle[]) => articles.reduce<ArticleRecord | undefined>((current, article) => mergeBackupArticle(current, offer(article)) ?? current, start);
        const once = fold(copies);
        expect(fold(shuffled.map(copyAt))).toEqual(once);
        const newest = Math.max(...moments);
        if (start?.status === 'saved' && (start.savedAt ?? 0) >= newest) expect(once).toBe(start);
        else expect(once).toMatchObject({ status: 'saved', savedAt: newest, article: { text: `Copy ${newest}` } });
        for (const article of copies) expect(mergeBackupArticle(once, offer(article))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
