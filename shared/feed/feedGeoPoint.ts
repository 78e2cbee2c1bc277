// Turns the coordinates an item carries (GeoRSS-Simple `georss:point`, W3C `geo:lat`/`geo:long`,
// GML `<georss:where><gml:Point><gml:pos>`: read in parseXmlFeed.ts) into a point on Earth.
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
