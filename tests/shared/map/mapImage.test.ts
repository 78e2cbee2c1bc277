import { describe, expect, it } from 'vitest';
import { intlFor } from '../../../shared/i18n/formatMessages';
import { mapCaptionLines, mapImageSvg, type FormatText, type MapImage } from '../../../shared/map/mapImage';

const english: FormatText = (id, values) => intlFor('en').formatMessage({ id }, values);
const spanish: FormatText = (id, values) => intlFor('es').formatMessage({ id }, values);

const image = (overrides: Partial<MapImage> = {}): MapImage => ({
  text: english,
  width: 800,
  height: 500,
  countries: [{ name: 'Guatemala', path: 'M0,0L10,0L10,10Z', label: { x: 5, y: 5 } }],
  markers: [
    { x: 100, y: 120, count: 3, kind: 'town', name: 'Quetzaltenango — Quetzaltenango, Guatemala · 3 items' },
    { x: 300, y: 220, count: 1, kind: 'state', name: 'Chiapas — Mexico · 1 item' },
  ],
  caption: { query: '', places: [], from: '', to: '', savedAt: '2026-11-28 01:00' },
  ...overrides,
});

describe('the saved map image', () => {
  it('says which news it shows: search, places and dates, or all news', () => {
    expect(mapCaptionLines(image().caption, english)).toEqual(['Field News — where the news is', 'All saved news', 'Saved 2026-11-28 01:00']);
    expect(
      mapCaptionLines({ query: ' shelter ', places: ['Chiapas — Mexico', 'Petén — Guatemala'], from: '2021-06-01', to: '', savedAt: 'now' }, english),
    ).toEqual([
      'Field News — where the news is',
      'Search: “shelter”',
      'Places: Chiapas — Mexico; Petén — Guatemala',
      'Dates: 2021-06-01 to any',
      'Saved now',
    ]);
  });

  it('speaks the interface language', () => {
    const svg = mapImageSvg(image({ text: spanish, caption: { query: '', places: [], from: '', to: '2021-07-01', savedAt: 'hoy' } }));
    expect(svg).toContain('Fechas: de cualquiera a 2021-07-01');
    expect(svg).toContain('Lugares: GeoNames (CC BY 4.0)');
    expect(svg).toContain('>1 noticia</text>');
  });

  it('is one SVG document with the countries, the markers, the legend and the attribution', () => {
    const svg = mapImageSvg(image());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('d="M0,0L10,0L10,10Z"');
    expect(svg.match(/<circle /g)?.length).toBe(2 + 1);
    expect(svg).toContain('Quetzaltenango — Quetzaltenango, Guatemala · 3 items');
    expect(svg).toContain('Natural Earth');
    expect(svg).toContain('GeoNames (CC BY 4.0)');
    expect(svg).not.toContain('style=');
  });

  it('escapes what the user typed and what the feeds named', () => {
    const svg = mapImageSvg(
      image({
        caption: { query: '<script>alert(1)</script>', places: ['A & B "quoted"'], from: '', to: '', savedAt: 'now' },
        markers: [{ x: 1, y: 1, count: 1, kind: 'town', name: '</title><script>x</script>' }],
        countries: [{ name: 'X', path: '"/><script>', label: null }],
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('A &amp; B "quoted"');
  });
});
