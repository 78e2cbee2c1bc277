// The Map view: the region's countries from the bundled Natural Earth asset, one marker per place the
// list's news names (same search, chips and dates), clustered by zoom; choosing a marker makes its
// place the filter chip. A gesture frame writes two CSS transforms, nothing per marker and no React
// render; re-clustering renders in a transition once the gesture settles, with only the clusters near
// the view in the page.
import type { ZoomTransform } from 'd3-zoom';
import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { markerPosition } from '../../../shared/map/centroids';
import { clusterLevel, clusterMarkers, clustersNearView, type MapPoint, type MarkerCluster } from '../../../shared/map/clusterMarkers';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { SearchFilters } from '../../threads/searchContract';
import { useText } from '../i18n/useText';
import { useMapMarkers } from '../search/searchClient';
import type { NewsSearch } from '../search/useNewsSearch';
import { chipLabel } from '../components/SearchBar';
import { MapBase } from './MapBase';
import { clusterName } from './MapMarker';
import { MarkerLayer } from './MarkerLayer';
import { PlacesList } from './PlacesList';
import { saveMapImage, type MapImageFormat } from './saveMapImage';
import { mapHeight as height, mapWidth as width, regionDrawing } from './regionDrawing';
import { useUnitsPerPixel } from './useUnitsPerPixel';
import { mapKeyMove, useMapGestures } from './useMapGestures';
import { useRegionMap } from './useRegionMap';
import './map.css';

/** Country names show once the country is drawn at least this many square pixels. */
const labelArea = 1_500;

interface Tip {
  text: string;
  left: number;
  top: number;
}

/** The markers of the view as clusters at the settled zoom, those near the view, and the country names to show. */
const useMarkerClusters = (markers: readonly PlaceMarker[] | null, drawing: ReturnType<typeof regionDrawing>, settled: ZoomTransform) => {
  const points = useMemo(
    () =>
      (markers ?? []).flatMap((marker): MapPoint<PlaceMarker>[] => {
        const position = markerPosition(marker, drawing.centres);
        const xy = position ? drawing.projection(position) : null;
        return xy ? [{ x: xy[0], y: xy[1], count: marker.count, value: marker }] : [];
      }),
    [markers, drawing],
  );
  const level = clusterLevel(settled.k);
  const clusters = useMemo(() => clusterMarkers(points, level), [points, level]);
  const drawn = useMemo(() => clustersNearView(clusters, settled, width, height), [clusters, settled]);
  const labels = drawing.countries.filter((entry) => entry.label && entry.area * settled.k * settled.k >= labelArea);
  return { clusters, drawn, labels };
};

/** A marker's name above it while pointed at or focused; gone as soon as the map moves. */
const useMarkerTip = (boxRef: RefObject<HTMLDivElement | null>, text: ReturnType<typeof useText>['text']) => {
  const [tip, setTip] = useState<Tip | null>(null);
  // Whether a tip shows, so a gesture frame hides it without a React update when none does.
  const tipShown = useRef(false);
  const showTip = useCallback(
    (cluster: MarkerCluster<PlaceMarker>, element: Element) => {
      const box = boxRef.current?.getBoundingClientRect();
      const at = element.getBoundingClientRect();
      tipShown.current = box !== undefined;
      if (box) setTip({ text: clusterName(cluster, text), left: at.left - box.left + at.width / 2, top: at.top - box.top });
    },
    [boxRef, text],
  );
  const hideTip = useCallback(() => {
    if (!tipShown.current) return;
    tipShown.current = false;
    setTip(null);
  }, []);
  return { tip, showTip, hideTip };
};

export function MapView({ search }: { search: NewsSearch }) {
  const { pickPlace, chips, from, to } = search;
  // Choosing a place does what picking its suggestion in the search field does: it becomes the chip.
  const onChoosePlace = useCallback((marker: PlaceMarker) => pickPlace({ placeId: marker.placeId, parts: marker.parts }), [pickPlace]);
  const region = useRegionMap();
  const { text, userText, intl } = useText();
  const query = useDeferredValue(search.query);
  const filters = useMemo<SearchFilters>(() => ({ placeIds: chips.map((chip) => chip.placeId), from: from || null, to: to || null }), [chips, from, to]);
  const markers = useMapMarkers(query, filters, true);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const { tip, showTip, hideTip } = useMarkerTip(boxRef, text);
  useUnitsPerPixel(boxRef);
  const { settled, settledRef, zoomControls } = useMapGestures({ svgRef, boxRef, baseRef, layerRef }, hideTip);
  const drawing = useMemo(() => regionDrawing(region.state === 'ready' ? region.map : null), [region]);
  const { clusters, drawn, labels } = useMarkerClusters(markers, drawing, settled);

  const choose = useCallback(
    (cluster: MarkerCluster<PlaceMarker>) => {
      const [only] = cluster.members;
      if (only !== undefined && cluster.members.length === 1) onChoosePlace(only);
      else zoomControls.zoomTo(cluster.x, cluster.y, Math.min(64, settledRef.current.k * 2));
    },
    [onChoosePlace, zoomControls, settledRef],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const move = mapKeyMove(event.key, zoomControls, settled.k);
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    move();
  };
  const save = (format: MapImageFormat) => {
    const countries = region.state === 'ready' ? region.map.countries : [];
    const labelPoints = new Map(labels.flatMap(({ country, label }) => (label ? [[country.name, label] as const] : [])));
    const caption = { query: search.query, places: chips.map((chip) => chipLabel(chip, intl.locale)), from, to };
    void saveMapImage({ width, height, transform: settled, countries, labels: labelPoints, clusters, caption }, text, format);
  };

  return (
    <section className="map-view" aria-label={text('map.title')}>
      <div className="map-toolbar">
        <button type="button" onClick={() => zoomControls.zoomBy(1.5)} aria-label={text('map.zoomIn')}>{text('map.zoomInSign')}</button>
        <button type="button" onClick={() => zoomControls.zoomBy(1 / 1.5)} aria-label={text('map.zoomOut')}>{text('map.zoomOutSign')}</button>
        <button type="button" onClick={() => zoomControls.reset()}>{text('map.resetView')}</button>
        <button type="button" onClick={() => save('svg')}>{text('map.saveImage')}</button>
        <button type="button" onClick={() => save('png')}>{text('map.savePng')}</button>
        {markers === null && <span className="map-status">{text('map.loading')}</span>}
        {markers !== null && markers.length === 0 && <span className="map-status">{text('map.noPlaces')}</span>}
        {region.state === 'unavailable' && <span className="map-status" role="alert">{userText(region.message)}</span>}
      </div>
      <div className="map-box" ref={boxRef}>
        <MapBase countries={drawing.countries} settled={settled} baseRef={baseRef} />
        <svg
          ref={svgRef}
          className="map-svg"
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={text('map.title')}
          aria-describedby="map-help"
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-markers={markers === null || region.state === 'loading' ? undefined : clusters.length}
        >
          <MarkerLayer layerRef={layerRef} settled={settled} labels={labels} drawn={drawn} text={text} onChoose={choose} onShow={showTip} onHide={hideTip} />
        </svg>
        {tip && (
          <div className="map-tip" role="tooltip" style={{ left: tip.left, top: tip.top }}>
            {tip.text}
          </div>
        )}
      </div>
      <p id="map-help" className="map-help">{text('map.help')}</p>
      <PlacesList markers={markers ?? []} onChoose={onChoosePlace} />
      <p className="map-attribution">{text('map.attribution')}</p>
    </section>
  );
}
