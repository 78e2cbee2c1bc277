// The clean-up every item field gets whatever format it came in, so a JSON Feed item and an RSS
// item end as the same FeedItem: caps on size, titles as plain one-line text, tidy lists.
import { storageCaps } from './feedItem';
import { plainLine } from './htmlToPlainText';

export const clip = (text: string | null | undefined, limit: number): string | null =>
  text === undefined || text === null ? null : text.length > limit ? text.slice(0, limit) : text;

/** A title as the feed wrote it, markup removed and entities decoded ("Caf&eacute;" → "Café"), capped.
 *  `plain`: the feed says the title is text (Atom type="text"), so "<update>" is words, not a tag. */
export const titleText = (raw: string | null | undefined, plain = false): string => {
  const head = (raw ?? '').slice(0, storageCaps.titleCharacters * 4);
  return clip(plain ? head.replace(/\s+/g, ' ').trim() : plainLine(head), storageCaps.titleCharacters) ?? '';
};

/** Non-empty, trimmed, one-line, distinct texts, at most `count` of at most `characters` each. */
export const textList = (values: readonly unknown[], count: number, characters: number): string[] => {
  const kept: string[] = [];
  for (const value of values) {
    if (kept.length >= count) break;
    if (typeof value !== 'string') continue;
    const text = plainLine(value.slice(0, characters * 4)).slice(0, characters);
    if (text.length > 0 && !kept.includes(text)) kept.push(text);
  }
  return kept;
};

export const tagList = (values: readonly unknown[]): string[] => textList(values, storageCaps.tags, storageCaps.tagCharacters);
export const authorList = (values: readonly unknown[]): string[] => textList(values, storageCaps.authors, storageCaps.authorCharacters);
