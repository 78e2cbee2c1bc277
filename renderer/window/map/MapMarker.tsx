// One marker on the map: a town (filled), a state or country named as such (dashed ring), or a
// cluster of places too close to tell apart at this zoom (with its count). A button for the
// keyboard and for screen readers, named by its place first.
import { memo, type KeyboardEvent } from 'react';
import type { MarkerCluster } from '../../../shared/map/clusterMarkers';
import { markerRadius } from '../../../shared/map/markerSize';
import type { FormatText } from '../../../shared/map/mapImage';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';

/** The marker's accessible name, also its tooltip and its title in the saved image. */
export const clusterName = (cluster: MarkerCluster<PlaceMarker>, text: FormatText): string => {
  const [only] = cluster.members;
  if (only !== undefined && cluster.members.length === 1) return text('map.marker', { place: only.label, count: only.count });
  const firstNames = cluster.members.slice(0, 3).map((member) => member.name).join(', ');
  const names = cluster.members.length > 3 ? text('map.clusterMore', { names: firstNames }) : firstNames;
  return text('map.cluster', { places: cluster.members.length, count: cluster.count, names });
};

export const clusterKind = (cluster: MarkerCluster<PlaceMarker>) => {
  const [only] = cluster.members;
  return only !== undefined && cluster.members.length === 1 ? only.kind : 'cluster';
};

interface MapMarkerProps {
  cluster: MarkerCluster<PlaceMarker>;
  text: FormatText;
  onChoose: (cluster: MarkerCluster<PlaceMarker>) => void;
  onShow: (cluster: MarkerCluster<PlaceMarker>, element: Element) => void;
  onHide: () => void;
}

/** The same marker: same place objects, same place on the map, same count (the clustering makes new objects each time). */
const sameMarker = (before: MapMarkerProps, after: MapMarkerProps) =>
  before.text === after.text &&
  before.onChoose === after.onChoose &&
  before.onShow === after.onShow &&
  before.onHide === after.onHide &&
  before.cluster.x === after.cluster.x &&
  before.cluster.y === after.cluster.y &&
  before.cluster.count === after.cluster.count &&
  before.cluster.members.length === after.cluster.members.length &&
  before.cluster.members.every((member, index) => member === after.cluster.members[index]);

/**
 * Placed in unzoomed map units inside the zoomed marker layer, its body counter-scaled by CSS (map.css),
 * so zooming changes no marker. Memoized: when a gesture settles only markers whose cluster changed render.
 */
export const MapMarker = memo(function MapMarker({ cluster, text, onChoose, onShow, onHide }: MapMarkerProps) {
  const kind = clusterKind(cluster);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onChoose(cluster);
  };
  return (
    <g
      className={`map-marker map-marker--${kind}`}
      transform={`translate(${cluster.x.toFixed(2)},${cluster.y.toFixed(2)})`}
      role="button"
      tabIndex={0}
      aria-label={clusterName(cluster, text)}
      data-place-id={cluster.members.length === 1 ? cluster.members[0]?.placeId : undefined}
      onClick={() => onChoose(cluster)}
      onKeyDown={onKeyDown}
      onFocus={(event) => onShow(cluster, event.currentTarget)}
      onBlur={onHide}
      onMouseEnter={(event) => onShow(cluster, event.currentTarget)}
      onMouseLeave={onHide}
    >
      <g className="map-marker__body">
        {/* A finger's target, 44 px across on screen at any zoom and box size (its radius is in map.css,
            which shows it only where the pointer is coarse). */}
        <circle className="map-marker__hit" />
        <circle r={markerRadius(cluster.count)} />
        {kind === 'cluster' && (
          <text className="map-marker__count" dy="0.35em" textAnchor="middle">
            {cluster.count}
          </text>
        )}
      </g>
    </g>
  );
}, sameMarker);
