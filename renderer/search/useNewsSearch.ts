// The search state of the window: the typed query, the place chips (kept across restarts), the date
// range, and the items they select, read from IndexedDB by the keys the search worker answers with.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { newsItemKeyFromText, newsItemKeyText, type NewsItem } from '../../shared/feed/newsItem';
import type { PlaceSuggestion } from '../../shared/places/placeSearchResult';
import type { PlaceChip } from '../components/SearchBar';
import { db, newsRepository } from '../database';
import type { ItemRecord } from '../db/fieldNewsDb';
import { highlightNamesOf } from './highlightNames';
import { placeLabel } from './placeLabel';
import { useSearchAnswer } from './searchClient';
import type { SearchAnswer, SearchFilters } from './searchMessages';

const placeFilterSetting = 'placeFilter';
const storedParts = z.object({
  name: z.string().max(300),
  kind: z.enum(['town', 'state', 'country']),
  stateName: z.string().max(300).nullable(),
  countryCode: z.string().max(8),
  countryName: z.string().max(300),
});
const storedChips = z.array(z.object({ placeId: z.string().max(40), label: z.string().max(300), parts: storedParts.optional() })).max(20);

const readStoredChips = (text: string | undefined): PlaceChip[] => {
  if (!text) return [];
  try {
    const parsed = storedChips.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

export interface NewsSearch {
  query: string;
  setQuery: (query: string) => void;
  chips: PlaceChip[];
  /** A suggestion becomes a chip. The map passes its marker's worded label until markers carry parts. */
  pickPlace: (suggestion: PlaceSuggestion | (Omit<PlaceSuggestion, 'parts'> & { label: string })) => void;
  removeChip: (placeId: string) => void;
  from: string;
  to: string;
  setDates: (from: string, to: string) => void;
  /** Whether anything narrows the list: text, a chip or a date. */
  active: boolean;
  answer: SearchAnswer | null;
  /** The selected items, in the order of the answer; undefined while they load. */
  items: NewsItem[] | undefined;
  /** Whether more results than shown are at hand, and the way to show them. */
  hasMore: boolean;
  showMore: () => void;
  highlights: ReadonlyMap<string, readonly string[]>;
}

/** Results shown at first and added by "Show more results": a small page keeps every keystroke's render short. */
const resultsPage = 50;

export const useNewsSearch = (): NewsSearch => {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [chips, setChips] = useState<PlaceChip[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(resultsPage);

  useEffect(() => {
    void newsRepository.readSetting(placeFilterSetting).then((text) => setChips(readStoredChips(text)));
  }, []);
  const saveChips = (next: PlaceChip[]) => {
    setChips(next);
    void newsRepository.writeSetting(placeFilterSetting, JSON.stringify(next));
  };

  const filters = useMemo<SearchFilters>(
    () => ({ placeIds: chips.map((chip) => chip.placeId), from: from || null, to: to || null }),
    [chips, from, to],
  );
  const byIndex = deferredQuery.trim().length > 0 || chips.length > 0;
  const answer = useSearchAnswer(deferredQuery, filters, byIndex);
  const keys = useMemo(() => (answer?.hits ?? []).slice(0, shown).map((hit) => hit.key), [answer, shown]);

  const items = useLiveQuery(async (): Promise<ItemRecord[] | undefined> => {
    if (byIndex) {
      if (!answer) return undefined;
      const found = await db.items.bulkGet(keys.map(newsItemKeyFromText));
      return found.filter((item): item is ItemRecord => item !== undefined);
    }
    if (!from && !to) return [];
    // Dates alone need no index of the worker: the sortDate index answers them.
    const lower = from ? `${from}T00:00:00.000Z` : '';
    const upper = to ? `${to}T23:59:59.999Z` : '\uffff';
    return db.items.where('sortDate').between(lower, upper, true, true).reverse().limit(shown).toArray();
  }, [byIndex, answer, keys, from, to, shown]);

  // Only the items on screen: their stored mentions say what to mark.
  const highlights = useMemo(() => {
    const hitOf = new Map((answer?.hits ?? []).slice(0, shown).map((hit) => [hit.key, hit] as const));
    return new Map((byIndex ? (items ?? []) : []).flatMap((item) => {
      const key = newsItemKeyText(item);
      const hit = hitOf.get(key);
      return hit === undefined ? [] : [[key, highlightNamesOf(item, hit)] as const];
    }));
  }, [answer, items, shown, byIndex]);

  return {
    query,
    setQuery: (next) => {
      setQuery(next);
      setShown(resultsPage);
    },
    chips,
    pickPlace: (suggestion) => {
      setShown(resultsPage);
      if (!chips.some((chip) => chip.placeId === suggestion.placeId)) {
        saveChips([...chips, 'parts' in suggestion ? { placeId: suggestion.placeId, label: placeLabel(suggestion.parts), parts: suggestion.parts } : { placeId: suggestion.placeId, label: suggestion.label }]);
      }
      setQuery('');
    },
    removeChip: (placeId) => saveChips(chips.filter((chip) => chip.placeId !== placeId)),
    from,
    to,
    setDates: (nextFrom, nextTo) => {
      setShown(resultsPage);
      setFrom(nextFrom);
      setTo(nextTo);
    },
    active: byIndex || Boolean(from || to),
    answer,
    items,
    hasMore: byIndex ? (answer?.hits.length ?? 0) > shown : (items?.length ?? 0) >= shown,
    showMore: () => setShown((count) => count + resultsPage),
    highlights,
  };
};

