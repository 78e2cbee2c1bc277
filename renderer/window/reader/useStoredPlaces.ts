// The places of the stored news, from the search worker once its index is ready (the list never
// waits for it): the sidebar's tree, country → state → town, and each place by its id, worded in
// the interface language.
import { useCallback, useMemo } from 'react';
import type { SearchFilters } from '../../threads/searchContract';
import { useMapMarkers } from '../search/searchClient';
import { placeTreeFromMarkers } from './placeTree';

/** The sidebar's places are those of every stored item: no query, no filter. */
const everyPlace: SearchFilters = { placeIds: [], from: null, to: null };

export const useStoredPlaces = (active: boolean, locale: string) => {
  const markers = useMapMarkers('', everyPlace, active);
  const placeTree = useMemo(() => {
    if (!markers) return null;
    const regionNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return placeTreeFromMarkers(markers, (code) => regionNames.of(code) ?? code);
  }, [markers, locale]);
  const places = useMemo(() => new Map((markers ?? []).map((marker) => [marker.placeId, marker])), [markers]);
  const placeOf = useCallback((placeId: string) => places.get(placeId) ?? null, [places]);
  return { placeTree, placeOf };
};
