// What to mark in a hit: the names of its matched places exactly as the tagger found them in the
// item (its stored placeMentions), and the query words that named no place. Nothing is searched
// for again but these few spellings.
import { mentionedNames } from '../../shared/places/placeMentions';
import type { ItemRecord } from '../db/fieldNewsDb';
import type { SearchHit } from './searchMessages';

export const highlightNamesOf = (item: Pick<ItemRecord, 'placeMentions'>, hit: Pick<SearchHit, 'highlightPlaceIds' | 'highlightWords'>): string[] => {
  const names = hit.highlightPlaceIds.length === 0 ? [] : mentionedNames(item.placeMentions ?? [], new Set(hit.highlightPlaceIds));
  return [...new Set([...names, ...hit.highlightWords])];
};
