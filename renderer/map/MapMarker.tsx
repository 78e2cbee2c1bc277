// One marker on the map: a town (filled), a state or country named as such (dashed ring), or a
// cluster of places too close to tell apart at this zoom (with its count). A button for the
// keyboard and for screen readers, named by its place first.
import { memo, type KeyboardEvent } from 'react';
import type { MarkerCluster } from '../../shared/map/clusterMarkers';
import { markerRadius } from '../../shared/map/markerSize';
import type { FormatText } from '../../shared/map/mapImage';
import type { PlaceMarker } from '../../shared/map/placeMarkers';

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
  transform: string;
  text: FormatText;
  onChoose: (cluster: MarkerCluster<PlaceMarker>) => void;
  onShow: (cluster: MarkerCluster<PlaceMarker>, element: Element) => void;
  onHide: () => void;
}

/** Memoized: when a gesture settles only the markers whose cluster or place changed render again. */
export const MapMarker = memo(function MapMarker({ cluster, transform, text, onChoose, onShow, onHide }: MapMarkerProps) {
  const kind = clusterKind(cluster);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onChoose(cluster);
  };
  return (
    <g
      className={`map-marker map-marker--${kind}`}
      transform={transform}
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
      <circle r={markerRadius(cluster.count)} />
      {kind === 'cluster' && (
        <text className="map-marker__count" dy="0.35em" textAnchor="middle">
          {cluster.count}
        </text>
      )}
    </g>
  );
});
