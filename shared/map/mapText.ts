// Every text the map shows or writes into a saved image, in one place so the translation (issue 9)
// can take them over as messages: sentences with parameters, never pieces glued together.
export const mapText = {
  mapButton: 'Map',
  listButton: 'List',
  mapTitle: 'Map of the news',
  mapShortcutHint: 'Alt+M',
  saveImage: 'Save map as image',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetView: 'Whole region',
  placesListTitle: (count: number) => (count === 1 ? 'The 1 place on the map' : `The ${count} places on the map`),
  noPlaces: 'No saved news in this view names a place.',
  loading: 'Drawing the map…',
  mapHelp: 'Arrow keys move the map, + and − zoom, Tab goes from marker to marker, Enter shows a place’s news.',
  itemCount: (count: number) => (count === 1 ? '1 item' : `${count} items`),
  /** "Quetzaltenango — Quetzaltenango, Guatemala · 3 items": the accessible name of a marker. */
  markerName: (label: string, count: number) => `${label} · ${count === 1 ? '1 item' : `${count} items`}`,
  clusterName: (count: number, places: number, firstNames: string) =>
    `${places} places, ${count === 1 ? '1 item' : `${count} items`}: ${firstNames}. Choose to zoom in.`,
  legendTown: 'Town',
  legendArea: 'State or country named as such',
  legendCluster: 'Several places close together',
  captionTitle: 'Field News — where the news is',
  captionAllNews: 'All saved news',
  captionSearch: (query: string) => `Search: “${query}”`,
  captionPlaces: (places: string) => `Places: ${places}`,
  captionDates: (from: string, to: string) => `Dates: ${from || 'any'} to ${to || 'any'}`,
  captionSaved: (when: string) => `Saved ${when}`,
  attribution: 'Borders: Natural Earth (public domain). Places: GeoNames (CC BY 4.0).',
};
