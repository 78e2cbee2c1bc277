// The map's text alternative: every place on the map with its count, biggest first, each a button
// that does what choosing its marker does. Drawn only while open, so 2,000 places cost nothing.
import { useState } from 'react';
import { mapText } from '../../shared/map/mapText';
import type { PlaceMarker } from '../../shared/map/placeMarkers';

export function PlacesList({ markers, onChoose }: { markers: readonly PlaceMarker[]; onChoose: (marker: PlaceMarker) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="map-places" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{mapText.placesListTitle(markers.length)}</summary>
      {open && (
        <ul>
          {markers.map((marker) => (
            <li key={marker.placeId}>
              <button type="button" className="map-places__place" onClick={() => onChoose(marker)}>
                {mapText.markerName(marker.label, marker.count)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
