// Search quality on the hand-written corpus (tests/fixtures/placeCorpus.ts), per tier: precision
// at 10 (the share of the first ten hits that are items the query must find) and recall (the share
// of those items found at all). A negative query must find nothing; its precision is the share of
// such queries that do. Printed by npm run bench:search beside the speed tables.
import type { Gazetteer } from '../shared/places/gazetteer';
import { createNewsPlaceIndex } from '../shared/places/newsPlaceIndex';
import { createPlaceSearch } from '../shared/places/placeSearch';
import { createPlaceTagger, tagItem } from '../shared/places/tagPlaces';
import { placeCorpus, placeCorpusQueries } from '../tests/fixtures/placeCorpus';

export interface TierQuality {
  tier: string;
  queries: number;
  precisionAt10: number;
  /** Null for negative queries, which have nothing to find. */
  recall: number | null;
}

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

export const corpusQuality = (gazetteer: Gazetteer): TierQuality[] => {
  const tagger = createPlaceTagger(gazetteer);
  const index = createNewsPlaceIndex(gazetteer);
  for (const item of placeCorpus) {
    const tags = tagItem(tagger, item);
    index.setItem(item.id, tags.places, Date.parse(item.date), tags.weakPlaces);
  }
  const search = createPlaceSearch(index);
  const byTier = new Map<string, { precision: number[]; recall: number[] }>();
  for (const entry of placeCorpusQueries) {
    const hits = search.search(entry.query, { limit: 1_000 }).hits.map((hit) => hit.itemKey);
    const wanted = new Set([...(entry.first === undefined ? [] : [entry.first]), ...(entry.includes ?? [])]);
    const tier = byTier.get(entry.tier) ?? { precision: [], recall: [] };
    byTier.set(entry.tier, tier);
    if (entry.none === true) {
      tier.precision.push(hits.length === 0 ? 1 : 0);
      continue;
    }
    const top = hits.slice(0, 10);
    tier.precision.push(top.length === 0 ? 0 : top.filter((key) => wanted.has(key)).length / top.length);
    tier.recall.push(wanted.size === 0 ? 1 : [...wanted].filter((key) => hits.includes(key)).length / wanted.size);
  }
  return [...byTier].map(([tier, { precision, recall }]) => ({
    tier,
    queries: precision.length,
    precisionAt10: mean(precision),
    recall: recall.length === 0 ? null : mean(recall),
  }));
};

export const qualityTable = (rows: readonly TierQuality[]): string[] => [
  '| Tier | Queries | precision@10 | recall |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((row) => `| ${row.tier} | ${row.queries} | ${row.precisionAt10.toFixed(2)} | ${row.recall === null ? '–' : row.recall.toFixed(2)} |`),
];
