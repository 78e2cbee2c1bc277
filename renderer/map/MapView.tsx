// The Map view: the region's countries from the bundled Natural Earth asset, one marker per place the
// list's news names (same search, chips and dates), clustered by zoom; choosing a marker makes its
// place the filter chip. Gestures move the drawing by direct DOM updates; React redraws on settling.
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { markerPosition } from '../../shared/map/centroids';
import { clusterLevel, clusterMarkers, type MapPoint, type MarkerCluster } from '../../shared/map/clusterMarkers';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import type { SearchFilters } from '../search/searchMessages';
import { useText } from '../i18n/useText';
import { useMapMarkers } from '../search/searchClient';
import type { NewsSearch } from '../search/useNewsSearch';
import { groundTransform, MapBase } from './MapBase';
import { clusterName, MapMarker } from './MapMarker';
import { PlacesList } from './PlacesList';
import { saveMapImage } from './saveMapImage';
import { mapHeight as height, mapWidth as width, regionDrawing } from './regionDrawing';
import { useMapZoom } from './useMapZoom';
import { useRegionMap } from './useRegionMap';
import './map.css';

/** Country names show once the country is drawn at least this many square pixels. */
const labelArea = 1_500;
const placeAt = (transform: ZoomTransform, x: number, y: number) => `translate(${transform.applyX(x).toFixed(1)},${transform.applyY(y).toFixed(1)})`;

interface Tip {
  text: string;
  left: number;
  top: number;
}

export function MapView({ search }: { search: NewsSearch }) {
  const { pickPlace } = search;
  // Choosing a place does what picking its suggestion in the search field does: it becomes the chip.
  const onChoosePlace = useCallback(
    (marker: PlaceMarker) => pickPlace({ placeId: marker.placeId, name: marker.name, matchedName: marker.name, label: marker.label, count: marker.count, score: 0 }),
    [pickPlace],
  );
  const region = useRegionMap();
  const { text, userText } = useText();
  const { chips, from, to } = search;
  const query = useDeferredValue(search.query);
  const filters = useMemo<SearchFilters>(() => ({ placeIds: chips.map((chip) => chip.placeId), from: from || null, to: to || null }), [chips, from, to]);
  const markers = useMapMarkers(query, filters, true);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<SVGSVGElement>(null);
  const labelsRef = useRef<SVGGElement>(null);
  const markersRef = useRef<SVGGElement>(null);
  const [settled, setSettled] = useState<ZoomTransform>(zoomIdentity);
  const [tip, setTip] = useState<Tip | null>(null);

  const drawing = useMemo(() => regionDrawing(region.state === 'ready' ? region.map : null), [region]);
  const { countries } = drawing;
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
  const labels = countries.filter((entry) => entry.label && entry.area * settled.k * settled.k >= labelArea);

  // Each frame of a gesture: the ground moves as a picture, each marker and name to its place.
  const positions = useRef<{ settled: ZoomTransform; markers: readonly MarkerCluster<PlaceMarker>[]; labels: typeof labels }>({
    settled: zoomIdentity,
    markers: [],
    labels: [],
  });
  useEffect(() => {
    positions.current = { settled, markers: clusters, labels };
  });
  // The ground was drawn at the settled zoom in this commit: its picture transform is spent.
  useLayoutEffect(() => {
    baseRef.current?.style.removeProperty('transform');
  }, [settled]);
  const onFrame = useCallback((transform: ZoomTransform) => {
    const base = baseRef.current;
    if (base) base.style.transform = groundTransform(positions.current.settled, transform, (boxRef.current?.clientWidth ?? width) / width);
    const markerElements = markersRef.current?.children ?? [];
    positions.current.markers.forEach((cluster, index) => markerElements[index]?.setAttribute('transform', placeAt(transform, cluster.x, cluster.y)));
    const labelElements = labelsRef.current?.children ?? [];
    positions.current.labels.forEach(({ label }, index) => label && labelElements[index]?.setAttribute('transform', placeAt(transform, label.x, label.y)));
    setTip(null);
  }, []);
  const zoomControls = useMapZoom(svgRef, width, height, onFrame, setSettled);

  const showTip = useCallback((cluster: MarkerCluster<PlaceMarker>, element: Element) => {
    const box = boxRef.current?.getBoundingClientRect();
    const at = element.getBoundingClientRect();
    if (box) setTip({ text: clusterName(cluster, text), left: at.left - box.left + at.width / 2, top: at.top - box.top });
  }, [text]);
  const hideTip = useCallback(() => setTip(null), []);
  const choose = useCallback(
    (cluster: MarkerCluster<PlaceMarker>) => {
      const [only] = cluster.members;
      if (only !== undefined && cluster.members.length === 1) onChoosePlace(only);
      else zoomControls.zoomTo(cluster.x, cluster.y, Math.min(64, positions.current.settled.k * 2));
    },
    [onChoosePlace, zoomControls],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => zoomControls.panBy(step / settled.k, 0),
      ArrowRight: () => zoomControls.panBy(-step / settled.k, 0),
      ArrowUp: () => zoomControls.panBy(0, step / settled.k),
      ArrowDown: () => zoomControls.panBy(0, -step / settled.k),
      '+': () => zoomControls.zoomBy(1.5),
      '=': () => zoomControls.zoomBy(1.5),
      '-': () => zoomControls.zoomBy(1 / 1.5),
      '0': () => zoomControls.reset(),
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    move();
  };
  const save = () =>
    saveMapImage({
      width,
      height,
      transform: settled,
      countries: region.state === 'ready' ? region.map.countries : [],
      labels: new Map(labels.flatMap(({ country, label }) => (label ? [[country.name, label] as const] : []))),
      clusters,
      caption: { query: search.query, places: chips.map((chip) => chip.label), from, to },
    }, text);

  return (
    <section className="map-view" aria-label={text('map.title')}>
      <div className="map-toolbar">
        <button type="button" onClick={() => zoomControls.zoomBy(1.5)} aria-label={text('map.zoomIn')}>{text('map.zoomInSign')}</button>
        <button type="button" onClick={() => zoomControls.zoomBy(1 / 1.5)} aria-label={text('map.zoomOut')}>{text('map.zoomOutSign')}</button>
        <button type="button" onClick={() => zoomControls.reset()}>{text('map.resetView')}</button>
        <button type="button" onClick={save}>{text('map.saveImage')}</button>
        {markers === null && <span className="map-status">{text('map.loading')}</span>}
        {markers !== null && markers.length === 0 && <span className="map-status">{text('map.noPlaces')}</span>}
        {region.state === 'unavailable' && <span className="map-status" role="alert">{userText(region.message)}</span>}
      </div>
      <div className="map-box" ref={boxRef}>
        <MapBase countries={countries} settled={settled} baseRef={baseRef} />
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
          <g ref={labelsRef} className="map-labels" aria-hidden="true">
            {labels.map(({ country, label }) => (
              <text key={`${country.code}-${country.name}`} transform={label ? placeAt(settled, label.x, label.y) : undefined} textAnchor="middle">
                {country.name}
              </text>
            ))}
          </g>
          <g ref={markersRef}>
            {clusters.map((cluster) => (
              <MapMarker
                key={cluster.members.map((member) => member.placeId).join(' ')}
                cluster={cluster}
                transform={placeAt(settled, cluster.x, cluster.y)}
                text={text}
                onChoose={choose}
                onShow={showTip}
                onHide={hideTip}
              />
            ))}
          </g>
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
