// The page side of npm run bench:sync-stages, bundled for Chromium: each stage of a sync's work on a
// page of items, as the parse worker and the sync worker do it, timed one after the other over the
// pages handed in. The reference is what a plain put of the stored records costs the page too: their
// structured clone (IndexedDB serializes every value it stores).
import { articleCandidatesOf } from '../shared/articles/articleCandidates';
import { adoptDerivedFields, derivedFieldsOf, mergeFeedItem } from '../shared/feed/newsItem';
import { parseFeedDocument } from '../shared/feed/parseFeedDocument';
import { picturesOfPage } from '../shared/pictures/pictureUrls';
import { storedNewsItem } from '../renderer/db/fieldNewsDb';
import { estimatePageBytes } from '../renderer/workers/sync/diskSpaceGuard';

const syncStages = ['parse', 'derive', 'handover', 'merge', 'storedRecord', 'pictures', 'articles', 'pageBytes', 'reference'] as const;
export type SyncStage = (typeof syncStages)[number];

export interface StagePage {
  /** The page's bytes as base64 (page.evaluate hands over text). */
  base64: string;
  contentType: string;
  url: string;
}

/** Milliseconds per stage over `rounds` passes of every page (one pass before them warms the code up), and the items read. */
const measureSyncStages = (handed: StagePage[], rounds: number): { ms: Record<SyncStage, number>; items: number } => {
  const pages = handed.map((page) => ({ bytes: Uint8Array.from(atob(page.base64), (character) => character.charCodeAt(0)), contentType: page.contentType, url: page.url }));
  const ms = Object.fromEntries(syncStages.map((stage) => [stage, 0])) as Record<SyncStage, number>;
  let items = 0;
  for (let round = 0; round <= rounds; round += 1) {
    for (const page of pages) {
      const timed = <T>(stage: SyncStage, work: () => T): T => {
        const started = performance.now();
        const result = work();
        if (round > 0) ms[stage] += performance.now() - started;
        return result;
      };
      const parsed = timed('parse', () => parseFeedDocument(page));
      if (!parsed.ok || parsed.value.kind !== 'feed') throw new Error(`${page.url} is not a feed page.`);
      const read = parsed.value.page.items;
      const derived = timed('derive', () => derivedFieldsOf(read));
      // The parse worker's answer reaches the sync worker as a structured clone.
      const handedOver = timed('handover', () => structuredClone({ items: read, derived }));
      const merged = timed('merge', () => {
        adoptDerivedFields(handedOver.items, handedOver.derived);
        return handedOver.items.flatMap((item) => mergeFeedItem(undefined, item, page.url, '2026-12-07T00:00:00.000Z') ?? []);
      });
      const records = timed('storedRecord', () => merged.map(storedNewsItem));
      timed('pictures', () => picturesOfPage(page.url, handedOver.items));
      timed('articles', () => articleCandidatesOf(page.url, handedOver.items, 'automatic'));
      timed('pageBytes', () => estimatePageBytes(handedOver.items));
      timed('reference', () => structuredClone(records));
      if (round > 0) items += records.length;
    }
  }
  return { ms, items };
};

(window as unknown as { measureSyncStages: typeof measureSyncStages }).measureSyncStages = measureSyncStages;
