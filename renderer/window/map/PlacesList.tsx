// The map's text alternative: every place on the map with its count, biggest first, each a button
// that does what choosing its marker does. Drawn only while open, so 2,000 places cost nothing.
import { useState } from 'react';
import type { PlaceMarker } from '../../../shared/map/placeMarkers';
import { useText } from '../i18n/useText';

export function PlacesList({ markers, onChoose }: { markers: readonly PlaceMarker[]; onChoose: (marker: PlaceMarker) => void }) {
  const [open, setOpen] = useState(false);
  const { text } = useText();
  return (
    <details className="map-places" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{text('map.placesList', { count: markers.length })}</summary>
      {open && (
        <ul>
          {markers.map((marker) => (
            <li key={marker.placeId}>
              <button type="button" className="map-places__place" onClick={() => onChoose(marker)}>
                {text('map.marker', { place: marker.label, count: marker.count })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
