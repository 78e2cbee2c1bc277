// The map's layer above the ground: the names of countries drawn large enough, and a marker per
// cluster near the view, drawn at the settled zoom; the layer's counter-scale keeps markers and
// names one size on screen at any zoom.
import type { ZoomTransform } from 'd3-zoom';
import type { CSSProperties, RefObject } from 'react';
import type { MarkerCluster } from '../../../shared/map/clusterMarkers';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { useText } from '../i18n/useText';
import { MapMarker } from './MapMarker';
import type { regionDrawing } from './regionDrawing';

/** The marker layer's zoom and its counter-scale: markers and names keep their size on screen at any zoom. */
const layerStyle = (transform: ZoomTransform) => ({ '--map-unzoom': (1 / transform.k).toFixed(5) }) as CSSProperties;

interface MarkerLayerProps {
  layerRef: RefObject<SVGGElement | null>;
  settled: ZoomTransform;
  labels: ReturnType<typeof regionDrawing>['countries'];
  drawn: readonly MarkerCluster<PlaceMarker>[];
  text: ReturnType<typeof useText>['text'];
  onChoose: (cluster: MarkerCluster<PlaceMarker>) => void;
  onShow: (cluster: MarkerCluster<PlaceMarker>, element: Element) => void;
  onHide: () => void;
}

export function MarkerLayer({ layerRef, settled, labels, drawn, text, onChoose, onShow, onHide }: MarkerLayerProps) {
  return (
    <g ref={layerRef} className="map-layer">
      <g transform={settled.toString()} style={layerStyle(settled)}>
        <g className="map-labels" aria-hidden="true">
          {labels.map(({ country, label }) =>
            label ? (
              <text key={`${country.code}-${country.name}`} x={label.x} y={label.y} textAnchor="middle">
                {country.name}
              </text>
            ) : null,
          )}
        </g>
        <g>
          {drawn.map((cluster) => (
            <MapMarker key={cluster.members.map((member) => member.placeId).join(' ')} cluster={cluster} text={text} onChoose={onChoose} onShow={onShow} onHide={onHide} />
          ))}
        </g>
      </g>
    </g>
  );
}
