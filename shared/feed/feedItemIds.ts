// Gives every item one id that stays the same across syncs, so a re-read item replaces its stored
// copy instead of appearing twice: the feed's own id when it has one, else a stand-in built from
// what the item says about itself.
import { contentHash } from '../contentHash';
import { storageCaps } from './feedItem';

/** An id longer than the cap becomes a hash of itself: the same long id always gives the same short one. */
export const capItemId = (id: string): string =>
  id.length <= storageCaps.idCharacters ? id : `long-id:${id.length}:${contentHash(id)}`;

/**
 * The first usable of: the feed's id (RSS guid, Atom id, RDF about), the item's link, a hash of
 * its title and date. Null when the item has none of these (nothing stable to know it by again).
 */
export const chooseItemId = (candidates: {
  ownIds: readonly (string | null | undefined)[];
  link: string | null | undefined;
  title: string | null | undefined;
  date: string | null | undefined;
}): string | null => {
  for (const own of candidates.ownIds) {
    const trimmed = own?.trim();
    if (trimmed) return capItemId(trimmed);
  }
  const link = candidates.link?.trim();
  if (link) return capItemId(link);
  const title = candidates.title?.trim() ?? '';
  const date = candidates.date?.trim() ?? '';
  if (title === '' && date === '') return null;
  return `title-date:${contentHash(`${title}\n${date}`)}`;
};
