import { describe, expect, it } from 'vitest';
import { emptySyncMark, feedsToCheck, fingerprintsOf, fullCheckDue, fullCheckEveryMs, laterCrawl, nothingNewSince, sinceOf, subscriptionsDue, type AccountSyncMark } from '../../../shared/aggregator/accountSyncPlan';

const counts = [
  { id: 'feed/1', count: 4, newestItemTimestampUsec: '1796584899161281' },
  { id: 'feed/2', count: 0, newestItemTimestampUsec: '1796500000000000' },
  { id: 'user/-/label/Mexico', count: 4, newestItemTimestampUsec: '1796584899161281' },
  { id: 'user/-/state/com.google/reading-list', count: 4, newestItemTimestampUsec: '1796584899161281' },
];
const now = Date.UTC(2026, 11, 6, 12);
const synced: AccountSyncMark = { crawledThroughUsec: '1796584899161281', feedFingerprints: fingerprintsOf(counts), fullCheckAt: now - 60_000, subscriptionsAt: now - 60_000 };

describe('the incremental window of a sync with an aggregator', () => {
  it('asks for the whole reading list the first time, then from a second before the newest stored item', () => {
    expect(sinceOf(emptySyncMark)).toBeNull();
    expect(sinceOf(synced)).toBe(1_796_584_898);
  });

  it('knows from the counts alone that nothing is new', () => {
    expect(nothingNewSince(synced, counts)).toBe(true);
    expect(nothingNewSince(synced, [...counts, { id: 'feed/3', count: 1, newestItemTimestampUsec: '1796584899161282' }])).toBe(false);
    expect(nothingNewSince(emptySyncMark, counts)).toBe(false);
  });

  it('asks for the unread ids only of feeds whose count or newest item moved, or that the laptop edited, and of all once a day', () => {
    const moved = fingerprintsOf([{ id: 'feed/1', count: 3, newestItemTimestampUsec: '1796584899161281' }, counts[1]!]);
    expect(feedsToCheck(synced, moved, false, new Set())).toEqual(['feed/1']);
    expect(feedsToCheck(synced, synced.feedFingerprints, false, new Set())).toEqual([]);
    expect(feedsToCheck(synced, synced.feedFingerprints, false, new Set(['feed/2']))).toEqual(['feed/2']);
    expect(feedsToCheck(synced, synced.feedFingerprints, true, new Set())).toEqual(['feed/1', 'feed/2']);
    expect(fullCheckDue(synced, now)).toBe(false);
    expect(fullCheckDue(synced, now - 60_000 + fullCheckEveryMs)).toBe(true);
    expect(fullCheckDue(emptySyncMark, now)).toBe(true);
  });

  it('asks for the subscription list when feeds came or went, or it is old', () => {
    const known = new Set(['feed/1', 'feed/2']);
    expect(subscriptionsDue(synced, synced.feedFingerprints, known, now)).toBe(false);
    expect(subscriptionsDue(synced, { ...synced.feedFingerprints, 'feed/9': '1:1' }, known, now)).toBe(true);
    expect(subscriptionsDue(synced, synced.feedFingerprints, new Set(['feed/1']), now)).toBe(true);
    expect(subscriptionsDue(emptySyncMark, synced.feedFingerprints, known, now)).toBe(true);
  });

  it('keeps the later of two crawl times, as numbers not text', () => {
    expect(laterCrawl('999', '1000')).toBe('1000');
    expect(laterCrawl(null, '5')).toBe('5');
    expect(laterCrawl('5', null)).toBe('5');
  });
});
