import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupItem } from '../../../shared/backup/backupFormat';
import { clampBackupItemDates, feedItemOfBackup, latestBackupMoment, mergeBackupItem } from '../../../shared/backup/mergeBackupItem';
import { mergeFeedItem, type NewsItem } from '../../../shared/feed/newsItem';

const feedUrl = 'https://news.example.org/feed.json';
const backupItem = (overrides: Partial<BackupItem> = {}): BackupItem => ({
  feedUrl,
  id: 'a',
  title: 'Hubs open in Petén',
  url: null,
  contentText: 'Two new hubs.',
  contentHtml: null,
  summary: null,
  datePublished: '2021-06-18T12:00:00Z',
  dateModified: null,
  tags: [],
  authors: [],
  imageUrl: null,
  point: null,
  read: false,
  starred: false,
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const storedCopy = (overrides: Partial<BackupItem> = {}, flags: Partial<NewsItem> = {}): NewsItem => ({
  ...mergeFeedItem(undefined, feedItemOfBackup(backupItem(overrides)), feedUrl, '2026-03-01T00:00:00.000Z')!,
  ...flags,
});

describe('merging an item from a backup', () => {
  it('stores a new item with the backup flags and first-seen time', () => {
    const merged = mergeBackupItem(undefined, backupItem({ read: true, starred: true }));
    expect(merged).toMatchObject({ read: true, starred: true, firstSeenAt: '2026-01-01T00:00:00.000Z', sortDate: '2021-06-18T12:00:00.000Z', placesVersion: '' });
  });

  it('writes nothing when the stored copy already says all the backup says', () => {
    expect(mergeBackupItem(storedCopy({}, { read: true }), backupItem())).toBeNull();
    expect(mergeBackupItem(storedCopy({}, { read: true, starred: true }), backupItem({ read: true, starred: true }))).toBeNull();
  });

  it('keeps newer stored content and takes newer backup content, keeping the stored first-seen time', () => {
    const newerHere = storedCopy({ contentText: 'Three hubs.', dateModified: '2021-07-01T00:00:00Z' });
    expect(mergeBackupItem(newerHere, backupItem({ contentText: 'Two new hubs.', dateModified: '2021-06-20T00:00:00Z' }))).toBeNull();
    const olderHere = storedCopy({ contentText: 'Two new hubs.', dateModified: '2021-06-20T00:00:00Z' }, { places: ['gt-peten'], placesVersion: 'v1' });
    expect(mergeBackupItem(olderHere, backupItem({ contentText: 'Three hubs.', dateModified: '2021-07-01T00:00:00Z' }))).toMatchObject({
      contentText: 'Three hubs.',
      firstSeenAt: '2026-03-01T00:00:00.000Z',
      placesVersion: '',
    });
  });

  it('keeps a flag set on either side, and the place tags when only a flag changes', () => {
    const here = storedCopy({}, { read: true, starred: false, places: ['gt-peten'], placesVersion: 'v1' });
    expect(mergeBackupItem(here, backupItem({ read: false, starred: true }))).toMatchObject({ read: true, starred: true, places: ['gt-peten'], placesVersion: 'v1' });
  });

  it('gives the same result in any order and twice over (no flag or content lost, nothing written again)', () => {
    const copy = fc.record({
      contentText: fc.constantFrom('v1', 'v2', 'v3'),
      dateModified: fc.constantFrom(null, '2021-06-19T12:00:00Z', '2021-06-20T12:00:00Z'),
      read: fc.boolean(),
      starred: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(copy, { minLength: 1, maxLength: 5 }), (copies) => {
        const apply = (order: typeof copies) =>
          order.reduce<NewsItem | undefined>((stored, next) => mergeBackupItem(stored, backupItem(next)) ?? stored, undefined);
        const forward = apply(copies)!;
        const backward = apply([...copies].reverse())!;
        expect({ ...backward, firstSeenAt: forward.firstSeenAt }).toEqual(forward);
        expect(forward.read).toBe(copies.some((each) => each.read));
        expect(forward.starred).toBe(copies.some((each) => each.starred));
        for (const each of copies) expect(mergeBackupItem(forward, backupItem(each))).toBeNull();
      }),
    );
  });
});

describe('the dates of a backup item', () => {
  const exportedAt = '2026-11-28T10:00:00.000Z';

  it('are never later than the backup itself, or than now when the file claims a later time', () => {
    expect(latestBackupMoment(exportedAt, '2026-12-01T00:00:00.000Z')).toBe(exportedAt);
    expect(latestBackupMoment('9999-12-31T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z');
    const clamped = clampBackupItemDates(backupItem({ dateModified: '9999-12-31T00:00:00Z', firstSeenAt: '9999-12-31T00:00:00.000Z' }), exportedAt);
    expect(clamped).toMatchObject({ dateModified: exportedAt, firstSeenAt: exportedAt, datePublished: '2021-06-18T12:00:00Z' });
    // Dates up to the backup's own time stay as the feed wrote them.
    const honest = backupItem({ dateModified: '2026-11-28T09:00:00+01:00' });
    expect(clampBackupItemDates(honest, exportedAt)).toEqual(honest);
    expect(clampBackupItemDates(backupItem({ dateModified: null }), exportedAt).dateModified).toBeNull();
  });

  it("include a saved article's time, so an article \"saved\" in the future never outranks one saved later here", () => {
    const article = { pageUrl: 'https://news.example.org/a', title: null, byline: null, siteName: null, length: 4, html: '<p>Text</p>', text: 'Text' };
    const planted = clampBackupItemDates(backupItem({ article: { ...article, savedAt: '9999-12-31T00:00:00.000Z' } }), exportedAt);
    expect(planted.article).toEqual({ ...article, savedAt: exportedAt });
    const honest = backupItem({ article: { ...article, savedAt: '2026-11-01T00:00:00.000Z' } });
    expect(clampBackupItemDates(honest, exportedAt)).toEqual(honest);
    expect(clampBackupItemDates(backupItem({ article: null }), exportedAt).article).toBeNull();
  });

  it('so a far-future edit in a backup loses to a correction the feed makes after the backup', () => {
    const planted = mergeBackupItem(undefined, clampBackupItemDates(backupItem({ contentText: 'Planted.', dateModified: '9999-12-31T00:00:00Z' }), exportedAt))!;
    const correction = feedItemOfBackup(backupItem({ contentText: 'Corrected by the feed.', dateModified: '2026-12-02T00:00:00Z' }));
    expect(mergeFeedItem(planted, correction, feedUrl, '2026-12-02T00:00:00.000Z')).toMatchObject({ contentText: 'Corrected by the feed.' });
  });
});
