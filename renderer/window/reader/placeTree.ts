// The sidebar's places: the places of stored news as a tree country → state → town with item
// counts, sorted by count, and filtered by typing (a match keeps its ancestors, so it stays findable).
import type { Place } from '../../../shared/places/gazetteer';
import { normalizePlaceName } from '../../../shared/places/normalizePlaceName';

export interface PlaceCount {
  placeId: string;
  count: number;
}

export interface PlaceTreeNode {
  placeId: string;
  name: string;
  kind: Place['kind'];
  /** Items of the place as the source counts them; for a place only its children name, their sum (at most that many). */
  count: number;
  children: PlaceTreeNode[];
}

const byCount = (left: PlaceTreeNode, right: PlaceTreeNode): number => right.count - left.count || left.name.localeCompare(right.name);

/**
 * Builds the tree from counted place ids. `lookup` is the gazetteer (byId.get); an id it does not
 * know (a newer gazetteer's) is left out. A town with no state hangs from its country.
 */
export const buildPlaceTree = (counts: Iterable<PlaceCount>, lookup: (placeId: string) => Place | undefined): PlaceTreeNode[] => {
  const nodes = new Map<string, PlaceTreeNode & { given: boolean }>();
  const nodeOf = (place: Place) => {
    let node = nodes.get(place.id);
    if (!node) {
      node = { placeId: place.id, name: place.name, kind: place.kind, count: 0, children: [], given: false };
      nodes.set(place.id, node);
    }
    return node;
  };
  const parentOf = (place: Place): Place | undefined => {
    if (place.kind === 'country') return undefined;
    if (place.kind === 'town' && place.state !== null) return lookup(place.state) ?? lookup(place.country);
    return lookup(place.country);
  };
  for (const { placeId, count } of counts) {
    const place = lookup(placeId);
    if (!place) continue;
    const node = nodeOf(place);
    node.count = count;
    node.given = true;
    let child = place;
    for (let parent = parentOf(child); parent; child = parent, parent = parentOf(parent)) {
      const parentNode = nodeOf(parent);
      const childNode = nodeOf(child);
      if (!parentNode.children.includes(childNode)) parentNode.children.push(childNode);
    }
  }
  const finish = (node: PlaceTreeNode & { given: boolean }): PlaceTreeNode => {
    const children = node.children.map((child) => finish(child as PlaceTreeNode & { given: boolean })).sort(byCount);
    const count = node.given ? node.count : children.reduce((sum, child) => sum + child.count, 0);
    return { placeId: node.placeId, name: node.name, kind: node.kind, count, children };
  };
  // Roots: countries, and a place whose country the gazetteer does not know.
  const hasParent = new Set([...nodes.values()].flatMap((node) => node.children.map((child) => child.placeId)));
  return [...nodes.values()].filter((node) => !hasParent.has(node.placeId)).map(finish).sort(byCount);
};

/** The nodes whose name (or alternate spelling, folded like search folds it) contains the typed text, with their ancestors. */
export const filterPlaceTree = (tree: readonly PlaceTreeNode[], typed: string): PlaceTreeNode[] => {
  const wanted = normalizePlaceName(typed);
  if (wanted === '') return [...tree];
  return tree.flatMap((node): PlaceTreeNode[] => {
    if (normalizePlaceName(node.name).includes(wanted)) return [node];
    const children = filterPlaceTree(node.children, typed);
    return children.length > 0 ? [{ ...node, children }] : [];
  });
};

/** What the map's markers say of a place: enough for a tree without the gazetteer in the window. */
export interface MarkedPlace {
  placeId: string;
  kind: Place['kind'];
  name: string;
  country: string;
  count: number;
}

/**
 * The tree from the search worker's place markers, until the worker answers the tree itself: towns
 * and states hang from their country (named by `countryName`, from the ISO code), without the state
 * level, which needs the gazetteer.
 */
export const placeTreeFromMarkers = (markers: readonly MarkedPlace[], countryName: (code: string) => string): PlaceTreeNode[] => {
  const places = new Map<string, Place>();
  for (const marker of markers) {
    // A country is named in the interface language ("México"), its gazetteer name kept for filtering.
    const worded = marker.kind === 'country' ? countryName(marker.country) : marker.name;
    const name = worded === marker.country ? marker.name : worded;
    places.set(marker.placeId, { id: marker.placeId, kind: marker.kind, name, asciiName: marker.name, alternateNames: [marker.name], country: marker.country, state: null, population: 0, lat: 0, lon: 0 });
    if (!places.has(marker.country)) places.set(marker.country, { id: marker.country, kind: 'country', name: countryName(marker.country), asciiName: marker.country, alternateNames: [], country: marker.country, state: null, population: 0, lat: 0, lon: 0 });
  }
  return buildPlaceTree(markers, (placeId) => places.get(placeId));
};
