// The Map view: the region's countries from the bundled Natural Earth asset, one marker per place the
// list's news names (same search, chips and dates), clustered by zoom; choosing a marker makes its
// place the filter chip. A gesture frame writes two CSS transforms, nothing per marker and no React
// render; re-clustering renders in a transition once the gesture settles, with only the clusters near
// the view in the page.
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { markerPosition } from '../../../shared/map/centroids';
import { clusterLevel, clusterMarkers, clustersNearView, type MapPoint, type MarkerCluster } from '../../../shared/map/clusterMarkers';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import type { SearchFilters } from '../../threads/searchContract';
import { useText } from '../i18n/useText';
import { useMapMarkers } from '../search/searchClient';
import type { NewsSearch } from '../search/useNewsSearch';
import { groundTransform, MapBase } from './MapBase';
import { clusterName, MapMarker } from './MapMarker';
import { PlacesList } from './PlacesList';
import { saveMapImage, type MapImageFormat } from './saveMapImage';
import { mapHeight as height, mapWidth as width, regionDrawing } from './regionDrawing';
import { useMapZoom } from './useMapZoom';
import { useRegionMap } from './useRegionMap';
import './map.css';

/** Country names show once the country is drawn at least this many square pixels. */
const labelArea = 1_500;
/** The marker layer's zoom and its counter-scale: markers and names keep their size on screen at any zoom. */
const layerStyle = (transform: ZoomTransform) => ({ '--map-unzoom': (1 / transform.k).toFixed(5) }) as CSSProperties;
/** The CSS transform (in map units) that shows the layer drawn at `settled` as it would be at `now`. */
const layerTransform = (settled: ZoomTransform, now: ZoomTransform) => {
  const scale = now.k / settled.k;
  return `translate(${(now.x - settled.x * scale).toFixed(2)}px, ${(now.y - settled.y * scale).toFixed(2)}px) scale(${scale.toFixed(5)})`;
};

interface Tip {
  text: string;
  left: number;
  top: number;
}

export function MapView({ search }: { search: NewsSearch }) {
  const { pickPlace } = search;
  // Choosing a place does what picking its suggestion in the search field does: it becomes the chip.
  const onChoosePlace = useCallback(
    (marker: PlaceMarker) => pickPlace({ placeId: marker.placeId, name: marker.name, matchedName: marker.name, parts: marker.parts, count: marker.count, score: 0 }),
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
  const layerRef = useRef<SVGGElement>(null);
  const [settled, setSettled] = useState<ZoomTransform>(zoomIdentity);
  const [tip, setTip] = useState<Tip | null>(null);
  // Whether a tip shows, so a gesture frame hides it without a React update when none does.
  const tipShown = useRef(false);
  // Screen pixels per map unit, kept by a ResizeObserver so no frame reads layout.
  const pixelsPerUnit = useRef(1);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) pixelsPerUnit.current = entry.contentRect.width / width;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

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
  const drawn = useMemo(() => clustersNearView(clusters, settled, width, height), [clusters, settled]);
  const labels = countries.filter((entry) => entry.label && entry.area * settled.k * settled.k >= labelArea);

  const settledRef = useRef(settled);
  // The ground and the markers were drawn at the settled zoom in this commit: their picture transforms are spent.
  useLayoutEffect(() => {
    settledRef.current = settled;
    baseRef.current?.style.removeProperty('transform');
    layerRef.current?.style.removeProperty('transform');
  }, [settled]);
  // Each frame of a gesture: the ground and the marker layer each take one CSS transform (composited
  // layers, so no marker is touched, laid out or painted); markers and names grow or shrink with the
  // gesture and get their size back when it settles (the layer's --map-unzoom is set by React then).
  const onFrame = useCallback((transform: ZoomTransform) => {
    const base = baseRef.current;
    if (base) base.style.transform = groundTransform(settledRef.current, transform, pixelsPerUnit.current);
    const layer = layerRef.current;
    if (layer) layer.style.transform = layerTransform(settledRef.current, transform);
    if (tipShown.current) {
      tipShown.current = false;
      setTip(null);
    }
  }, []);
  // Re-clustering and redrawing the ground wait for the gesture's end, and render as a transition so
  // React yields to input between markers instead of holding the main thread.
  const onSettled = useCallback((transform: ZoomTransform) => startTransition(() => setSettled(transform)), []);
  const zoomControls = useMapZoom(svgRef, width, height, onFrame, onSettled);

  const showTip = useCallback((cluster: MarkerCluster<PlaceMarker>, element: Element) => {
    const box = boxRef.current?.getBoundingClientRect();
    const at = element.getBoundingClientRect();
    tipShown.current = box !== undefined;
    if (box) setTip({ text: clusterName(cluster, text), left: at.left - box.left + at.width / 2, top: at.top - box.top });
  }, [text]);
  const hideTip = useCallback(() => {
    tipShown.current = false;
    setTip(null);
  }, []);
  const choose = useCallback(
    (cluster: MarkerCluster<PlaceMarker>) => {
      const [only] = cluster.members;
      if (only !== undefined && cluster.members.length === 1) onChoosePlace(only);
      else zoomControls.zoomTo(cluster.x, cluster.y, Math.min(64, settledRef.current.k * 2));
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
  const save = (format: MapImageFormat) =>
    void saveMapImage({
      width,
      height,
      transform: settled,
      countries: region.state === 'ready' ? region.map.countries : [],
      labels: new Map(labels.flatMap(({ country, label }) => (label ? [[country.name, label] as const] : []))),
      clusters,
      caption: { query: search.query, places: chips.map((chip) => chip.label), from, to },
    }, text, format);

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
                <MapMarker
                  key={cluster.members.map((member) => member.placeId).join(' ')}
                  cluster={cluster}
                  text={text}
                  onChoose={choose}
                  onShow={showTip}
                  onHide={hideTip}
                />
              ))}
            </g>
            </g>
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
