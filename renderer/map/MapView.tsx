// The Map view: the region's countries from the bundled Natural Earth asset, one marker per place the
// list's news names (same search, chips and dates), clustered by zoom; choosing a marker makes its
// place the filter chip. Gestures move the drawing by direct DOM updates; React redraws on settling.
import { geoPath } from 'd3-geo';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { countryCentres, largestPieceCentroid, markerPosition } from '../../shared/map/centroids';
import { clusterLevel, clusterMarkers, type MapPoint, type MarkerCluster } from '../../shared/map/clusterMarkers';
import { mapText } from '../../shared/map/mapText';
import type { PlaceMarker } from '../../shared/map/placeMarkers';
import { regionProjection } from '../../shared/map/regionProjection';
import type { SearchFilters } from '../search/newsSearchEngine';
import { useMapMarkers } from '../search/searchService';
import type { NewsSearch } from '../search/useNewsSearch';
import { clusterName, MapMarker } from './MapMarker';
import { PlacesList } from './PlacesList';
import { saveMapImage } from './saveMapImage';
import { useMapZoom } from './useMapZoom';
import { useRegionMap } from './useRegionMap';
import './map.css';

const width = 960;
const height = 600;
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
  const query = useDeferredValue(search.query);
  const filters = useMemo<SearchFilters>(
    () => ({ placeIds: search.chips.map((chip) => chip.placeId), from: search.from || null, to: search.to || null }),
    [search.chips, search.from, search.to],
  );
  const markers = useMapMarkers(query, filters, true);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const worldRef = useRef<SVGGElement>(null);
  const labelsRef = useRef<SVGGElement>(null);
  const markersRef = useRef<SVGGElement>(null);
  const [settled, setSettled] = useState<ZoomTransform>(zoomIdentity);
  const [tip, setTip] = useState<Tip | null>(null);

  const projection = useMemo(() => regionProjection(width, height), []);
  const countries = useMemo(() => {
    if (region.state !== 'ready') return [];
    const path = geoPath(projection);
    return region.map.countries.map((country) => {
      const centre = largestPieceCentroid(country.shape);
      const label = centre ? projection(centre) : null;
      return { country, d: path(country.shape) ?? '', area: path.area(country.shape), label: label ? { x: label[0], y: label[1] } : null };
    });
  }, [region, projection]);
  const centres = useMemo(() => (region.state === 'ready' ? countryCentres(region.map.countries) : new Map<string, [number, number]>()), [region]);
  const points = useMemo(
    () =>
      (markers ?? []).flatMap((marker): MapPoint<PlaceMarker>[] => {
        const position = markerPosition(marker, centres);
        const xy = position ? projection(position) : null;
        return xy ? [{ x: xy[0], y: xy[1], count: marker.count, value: marker }] : [];
      }),
    [markers, centres, projection],
  );
  const level = clusterLevel(settled.k);
  const clusters = useMemo(() => clusterMarkers(points, level), [points, level]);
  const labels = countries.filter((entry) => entry.label && entry.area * settled.k * settled.k >= labelArea);

  // Each frame of a gesture: one transform for the countries, a position for each marker and name.
  const positions = useRef<{ markers: readonly MarkerCluster<PlaceMarker>[]; labels: typeof labels }>({ markers: [], labels: [] });
  useEffect(() => {
    positions.current = { markers: clusters, labels };
  });
  const onFrame = useCallback((transform: ZoomTransform) => {
    worldRef.current?.setAttribute('transform', transform.toString());
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
    if (box) setTip({ text: clusterName(cluster), left: at.left - box.left + at.width / 2, top: at.top - box.top });
  }, []);
  const choose = useCallback(
    (cluster: MarkerCluster<PlaceMarker>) => {
      const [only] = cluster.members;
      if (only !== undefined && cluster.members.length === 1) onChoosePlace(only);
      else zoomControls.zoomTo(cluster.x, cluster.y, Math.min(64, settled.k * 2));
    },
    [onChoosePlace, zoomControls, settled.k],
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
      caption: { query: search.query, places: search.chips.map((chip) => chip.label), from: search.from, to: search.to },
    });

  return (
    <section className="map-view" aria-label={mapText.mapTitle}>
      <div className="map-toolbar">
        <button type="button" onClick={() => zoomControls.zoomBy(1.5)} aria-label={mapText.zoomIn}>+</button>
        <button type="button" onClick={() => zoomControls.zoomBy(1 / 1.5)} aria-label={mapText.zoomOut}>−</button>
        <button type="button" onClick={() => zoomControls.reset()}>{mapText.resetView}</button>
        <button type="button" onClick={save}>{mapText.saveImage}</button>
        {markers === null && <span className="map-status">{mapText.loading}</span>}
        {markers !== null && markers.length === 0 && <span className="map-status">{mapText.noPlaces}</span>}
        {region.state === 'unavailable' && <span className="map-status" role="alert">{region.message}</span>}
      </div>
      <div className="map-box" ref={boxRef}>
        <svg
          ref={svgRef}
          className="map-svg"
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={mapText.mapTitle}
          aria-describedby="map-help"
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-markers={markers === null || region.state === 'loading' ? undefined : clusters.length}
        >
          <rect className="map-sea" width={width} height={height} />
          <g ref={worldRef} transform={settled.toString()}>
            {countries.map(({ country, d }) => (
              <path key={`${country.code}-${country.name}`} className="map-country" d={d} />
            ))}
          </g>
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
                onChoose={choose}
                onShow={showTip}
                onHide={() => setTip(null)}
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
      <p id="map-help" className="map-help">{mapText.mapHelp}</p>
      <PlacesList markers={markers ?? []} onChoose={onChoosePlace} />
      <p className="map-attribution">{mapText.attribution}</p>
    </section>
  );
}
