// Reads where an item says it happened: GeoRSS-Simple `georss:point`, W3C `geo:lat`/`geo:long`
// (both read by feedsmith), and GML `<georss:where><gml:Point><gml:pos>`, which feedsmith does
// not read, found by a linear scan of the items in document order.
import type { GeoPoint } from './feedItem';

/** A point only when both numbers are on Earth; 0,0 is the placeholder of feeds that have no place. */
export const geoPoint = (latitude: unknown, longitude: unknown): GeoPoint | null => {
  const lat = typeof latitude === 'string' ? Number(latitude) : latitude;
  const lon = typeof longitude === 'string' ? Number(longitude) : longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return { latitude: lat, longitude: lon };
};

/** "14.9 -92.26" (latitude first, as GeoRSS and gml:pos write it). */
export const geoPointFromText = (text: string): GeoPoint | null => {
  const parts = text.trim().split(/[\s,]+/);
  return parts.length === 2 ? geoPoint(parts[0], parts[1]) : null;
};

const localName = (text: string, start: number): string => {
  let end = start;
  while (end < text.length && end - start < 80 && !/[\s/>]/.test(text[end] ?? '>')) end += 1;
  const name = text.slice(start, end).toLowerCase();
  return name.slice(name.indexOf(':') + 1);
};

/**
 * The gml:pos of each item/entry, by item position (null where an item has none); empty when the
 * document has no GML at all. Skips CDATA and comments, so markup quoted in content is not counted.
 */
export const gmlPositionsByItem = (xml: string): (GeoPoint | null)[] => {
  if (!xml.includes('gml')) return [];
  const points: (GeoPoint | null)[] = [];
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    if (open === -1) break;
    if (xml.startsWith('<![CDATA[', open)) {
      const end = xml.indexOf(']]>', open);
      position = end === -1 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open);
      position = end === -1 ? xml.length : end + 3;
      continue;
    }
    const name = localName(xml, open + 1);
    if (name === 'item' || name === 'entry') points.push(null);
    else if (name === 'pos' && points.length > 0 && points[points.length - 1] === null) {
      const start = xml.indexOf('>', open);
      const end = start === -1 ? -1 : xml.indexOf('<', start);
      if (end !== -1) points[points.length - 1] = geoPointFromText(xml.slice(start + 1, end));
    }
    position = open + 1;
  }
  return points;
};
