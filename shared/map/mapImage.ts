// "Save map as image": the map as it is drawn, written as a standalone SVG file with its legend, a
// caption saying which news it shows (search, place chips, date range) and the data's attribution.
// Built as text with every value escaped, so it needs no DOM and no styles from the app; its words
// come formatted from the interface's catalog.
import type { MessageId } from '../i18n/messages.en';
import type { MessageValue } from '../i18n/userMessage';
import type { PlaceKind } from '../places/gazetteer';
import { readAt } from '../checkedRead';
import { escapeXmlAttribute, escapeXmlText } from '../opml/escapeXml';
import { legendCounts, markerRadius } from './markerSize';

/** Formats a catalog message in the interface language (react-intl's formatMessage, or FormatJS core in tests). */
export type FormatText = (id: MessageId, values?: Readonly<Record<string, MessageValue>>) => string;

export interface ImageCountry {
  name: string;
  /** SVG path data, already projected and zoomed. */
  path: string;
  label: { x: number; y: number } | null;
}

export interface ImageMarker {
  x: number;
  y: number;
  count: number;
  kind: PlaceKind | 'cluster';
  name: string;
}

export interface MapCaption {
  query: string;
  places: string[];
  from: string;
  to: string;
  savedAt: string;
}

export interface MapImage {
  text: FormatText;
  width: number;
  height: number;
  countries: ImageCountry[];
  markers: ImageMarker[];
  caption: MapCaption;
}

const colours = { sea: '#dce9f2', land: '#f4f1ea', border: '#8a8f98', town: '#b3261e', area: '#1f5f99', cluster: '#6b3fa0', text: '#1d1d1f' };
const fillOf = (kind: ImageMarker['kind']) => (kind === 'town' ? colours.town : kind === 'cluster' ? colours.cluster : colours.area);
const number = (value: number) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : 0);

/** The caption's lines: what the map shows, in the words of the filters. */
export const mapCaptionLines = (caption: MapCaption, text: FormatText): string[] => {
  const anyDate = text('map.captionAnyDate');
  const filters = [
    ...(caption.query.trim() ? [text('map.captionSearch', { query: caption.query.trim() })] : []),
    ...(caption.places.length > 0 ? [text('map.captionPlaces', { places: caption.places.join('; ') })] : []),
    ...(caption.from || caption.to ? [text('map.captionDates', { from: caption.from || anyDate, to: caption.to || anyDate })] : []),
  ];
  return [text('map.captionTitle'), ...(filters.length > 0 ? filters : [text('map.captionAllNews')]), text('map.captionSaved', { when: caption.savedAt })];
};

const textAt = (x: number, y: number, size: number, content: string, extra = '') =>
  `<text x="${number(x)}" y="${number(y)}" font-family="sans-serif" font-size="${size}" fill="${colours.text}"${extra}>${escapeXmlText(content)}</text>`;

const markerShape = (marker: ImageMarker) => {
  const radius = number(markerRadius(marker.count));
  const title = `<title>${escapeXmlText(marker.name)}</title>`;
  const fill = fillOf(marker.kind);
  if (marker.kind === 'town' || marker.kind === 'cluster') {
    return `<circle cx="${number(marker.x)}" cy="${number(marker.y)}" r="${radius}" fill="${fill}" fill-opacity="0.75" stroke="#ffffff" stroke-width="1">${title}</circle>`;
  }
  return `<circle cx="${number(marker.x)}" cy="${number(marker.y)}" r="${radius}" fill="${fill}" fill-opacity="0.25" stroke="${fill}" stroke-width="2" stroke-dasharray="3 2">${title}</circle>`;
};

/** The whole image as SVG text. The caption and legend sit in a band under the map. */
export const mapImageSvg = (image: MapImage): string => {
  const { text } = image;
  const lines = mapCaptionLines(image.caption, text);
  const largest = Math.max(1, ...image.markers.map((marker) => marker.count));
  const counts = legendCounts(largest);
  const largestLegendRadius = markerRadius(readAt(counts, counts.length - 1));
  const band = 40 + lines.length * 18 + 2 * largestLegendRadius;
  const height = image.height + band;
  const width = image.width;
  let legendX = 12;
  const legendY = image.height + 24 + lines.length * 18 + largestLegendRadius;
  const legend = counts.map((count) => {
    const radius = markerRadius(count);
    const shape = `<circle cx="${number(legendX + radius)}" cy="${number(legendY)}" r="${number(radius)}" fill="${colours.town}" fill-opacity="0.75"/>`;
    const label = textAt(legendX + 2 * radius + 4, legendY + 4, 11, text('map.itemCount', { count }));
    legendX += 2 * radius + 60;
    return shape + label;
  });
  const kindRows: [fill: string, label: string][] = [
    [colours.town, text('map.legendTown')],
    [colours.area, text('map.legendArea')],
    [colours.cluster, text('map.legendCluster')],
  ];
  const kinds = kindRows.map(([fill, label], index) => {
    const y = legendY - 14 + index * 14;
    return `<rect x="${number(legendX)}" y="${number(y - 8)}" width="10" height="10" fill="${fill}"/>${textAt(legendX + 14, y + 1, 11, label)}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${number(height)}" viewBox="0 0 ${width} ${number(height)}">`,
    `<rect width="${width}" height="${number(image.height)}" fill="${colours.sea}"/>`,
    `<g>${image.countries.map((country) => `<path d="${escapeXmlAttribute(country.path)}" fill="${colours.land}" stroke="${colours.border}" stroke-width="0.7"><title>${escapeXmlText(country.name)}</title></path>`).join('')}</g>`,
    `<g>${image.countries.flatMap((country) => (country.label ? [textAt(country.label.x, country.label.y, 11, country.name, ' text-anchor="middle" fill-opacity="0.7"')] : [])).join('')}</g>`,
    `<g>${image.markers.map(markerShape).join('')}</g>`,
    `<rect y="${number(image.height)}" width="${width}" height="${number(band)}" fill="#ffffff"/>`,
    ...lines.map((line, index) => textAt(12, image.height + 20 + index * 18, index === 0 ? 14 : 12, line)),
    ...legend,
    ...kinds,
    textAt(width - 12, height - 8, 10, text('map.attribution'), ' text-anchor="end"'),
    '</svg>',
  ].join('\n');
};
