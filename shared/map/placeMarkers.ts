// The filter → markers step: from the places each item of the current view names, one marker per
// place with its item count. A state or country gets a marker only from items that name it as such,
// not from items that name a town inside it (the town's marker already shows those).
import { describePlace, placeContains, type Gazetteer, type Place, type PlaceKind, placeLabelParts, type PlaceLabelParts } from '../places/gazetteer';

export interface PlaceMarker {
  placeId: string;
  kind: PlaceKind;
  /** "Quetzaltenango — Quetzaltenango, Guatemala": the place, its state and its country, in English. */
  label: string;
  /** The same in parts, for the window to word in its own language (shared/places/placeLabel.ts). */
  parts: PlaceLabelParts;
  name: string;
  /** ISO code of the country the place lies in. */
  country: string;
  lat: number;
  lon: number;
  count: number;
}

/** The places one item contributes to the map: its places, less areas it names a place inside of. */
export const markedPlacesOfItem = (gazetteer: Gazetteer, placeIds: readonly string[]): Place[] => {
  const places = [...new Set(placeIds)].flatMap((id) => gazetteer.byId.get(id) ?? []);
  return places.filter((area) => area.kind === 'town' || !places.some((place) => place.id !== area.id && placeContains(area, place)));
};

/** One marker per place named by the items, biggest count first (ties by name, so the order is stable). */
export const placeMarkersOf = (gazetteer: Gazetteer, itemsPlaceIds: Iterable<readonly string[]>): PlaceMarker[] => {
  const counts = new Map<Place, number>();
  for (const placeIds of itemsPlaceIds) {
    // Most items name one place: count it without the containment check (100,000 items in a few ms).
    const only = placeIds.length === 1 && placeIds[0] !== undefined ? gazetteer.byId.get(placeIds[0]) : undefined;
    const marked = only ? [only] : placeIds.length === 1 ? [] : markedPlacesOfItem(gazetteer, placeIds);
    for (const place of marked) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return [...counts]
    .map(([place, count]): PlaceMarker => ({
      placeId: place.id,
      kind: place.kind,
      label: describePlace(gazetteer, place),
      parts: placeLabelParts(gazetteer, place),
      name: place.name,
      country: place.country,
      lat: place.lat,
      lon: place.lon,
      count,
    }))
    .sort((left, right) => right.count - left.count || left.label.localeCompare(right.label));
};
