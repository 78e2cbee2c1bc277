// The place mentions stored with an item, read back for highlighting: the window marks the names
// the tagger found, as the item wrote them, instead of looking for every spelling of a place again.
import { placeContains, type Gazetteer } from './gazetteer';
import type { PlaceMention } from './tagPlaces';

/** The mentions of places inside any of the areas ("Petén" in an item found by "Guatemala"). */
export const mentionsInside = (gazetteer: Gazetteer, mentions: readonly PlaceMention[], areaIds: readonly string[]): PlaceMention[] => {
  const areas = areaIds.flatMap((id) => gazetteer.byId.get(id) ?? []);
  return mentions.filter((mention) => {
    const place = gazetteer.byId.get(mention.placeId);
    return place !== undefined && areas.some((area) => placeContains(area, place));
  });
};
