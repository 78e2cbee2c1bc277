// The search state of the window: the typed query, the place chips (kept across restarts), the date
// range, and the items they select, read from IndexedDB by the keys the search worker answers with.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import type { PickedPlace, PlaceChip } from '../components/SearchBar';
import { db, newsRepository } from '../database';
import { useSearchAnswer } from './searchClient';
import type { SearchAnswer, SearchFilters } from '../../threads/searchContract';

const placeFilterSetting = 'placeFilter';
const storedParts = z.object({
  name: z.string().max(300),
  kind: z.enum(['town', 'state', 'country']),
  stateName: z.string().max(300).nullable(),
  countryCode: z.string().max(8),
  countryName: z.string().max(300),
});
const storedChips = z.array(z.object({ placeId: z.string().max(40), label: z.string().max(300).optional(), parts: storedParts.optional() })).max(20);

const readStoredChips = (text: string | undefined): PlaceChip[] => {
  if (!text) return [];
  try {
    const parsed = storedChips.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    // Not JSON (a damaged setting): no chips, and the next chip chosen writes the setting anew.
    return [];
  }
};

export interface NewsSearch {
  query: string;
  setQuery: (query: string) => void;
  chips: PlaceChip[];
  /** A place chosen (a suggestion, a marker, a place in the sidebar or the reader) becomes a chip. */
  pickPlace: (place: PickedPlace) => void;
  removeChip: (placeId: string) => void;
  from: string;
  to: string;
  setDates: (from: string, to: string) => void;
  /** Whether anything narrows the list: text, a chip or a date. */
  active: boolean;
  answer: SearchAnswer | null;
  /** The keys of the items a date-only search selects, newest first; undefined while they load, and when the
   *  query or a chip selects them (the answer's hits name them, the list reads them). */
  dateKeys: NewsItemKey[] | undefined;
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
  // The worker is asked on the key itself, not after the deferred render of the whole window: its
  // answer is on the way while React renders.
  const answer = useSearchAnswer(query, filters, query.trim().length > 0 || chips.length > 0);

  // The list reads the items itself, by their keys: a date-only search asks the sortDate index for
  // keys only, never whole items (a second read of the shown items cost a read and a render).
  const dateKeys = useLiveQuery(async (): Promise<NewsItemKey[] | undefined> => {
    if (byIndex) return undefined;
    if (!from && !to) return [];
    // Dates alone need no index of the worker: the sortDate index answers them.
    const lower = from ? `${from}T00:00:00.000Z` : '';
    const upper = to ? `${to}T23:59:59.999Z` : '\uffff';
    return db.items.where('sortDate').between(lower, upper, true, true).reverse().limit(shown).primaryKeys();
  }, [byIndex, from, to, shown]);

  // The worker says what to mark in each hit.
  const highlights = useMemo(
    () => new Map(byIndex ? (answer?.hits ?? []).map((hit) => [hit.key, hit.highlightNames] as const) : []),
    [answer, byIndex],
  );

  return {
    query,
    setQuery: (next) => {
      setQuery(next);
      setShown(resultsPage);
    },
    chips,
    pickPlace: ({ placeId, parts }) => {
      setShown(resultsPage);
      if (!chips.some((chip) => chip.placeId === placeId)) saveChips([...chips, { placeId, parts }]);
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
    dateKeys,
    hasMore: byIndex ? (answer?.hits.length ?? 0) > shown : (dateKeys?.length ?? 0) >= shown,
    showMore: () => setShown((count) => count + resultsPage),
    highlights,
  };
};

