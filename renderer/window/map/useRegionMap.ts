// The region's borders for the map: fetched once from the app's own files (never the network) and
// checked by the loader; a broken file leaves a map with markers and no borders, and says why.
import { useEffect, useState } from 'react';
import { errorMessages } from '../../../shared/errorMessages';
import { loadRegionMap, type RegionMap } from '../../../shared/map/regionMap';
import { log } from '../log';
import type { UserMessage } from '../../../shared/i18n/userMessage';

export type RegionMapState = { state: 'loading' } | { state: 'ready'; map: RegionMap } | { state: 'unavailable'; message: UserMessage };

let loading: Promise<RegionMapState> | null = null;

const fetchRegionMap = async (): Promise<RegionMapState> => {
  try {
    const response = await fetch(new URL('map/region.json', document.baseURI));
    const loaded = loadRegionMap(response.ok ? ((await response.json()) as unknown) : null);
    if (loaded.ok) return { state: 'ready', map: loaded.value };
    log.error('map', 'the region map asset did not load', loaded.error);
    return { state: 'unavailable', message: loaded.error };
  } catch (error) {
    log.error('map', 'the region map asset could not be fetched', error);
    return { state: 'unavailable', message: errorMessages.regionMapUnreadable };
  }
};

export const useRegionMap = (): RegionMapState => {
  const [state, setState] = useState<RegionMapState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    loading ??= fetchRegionMap();
    void loading.then((loaded) => current && setState(loaded));
    return () => {
      current = false;
    };
  }, []);
  return state;
};
