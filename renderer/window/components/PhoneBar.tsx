// The bar at the bottom of a phone's screen (the one-pane layout): the news, the places (the sidebar),
// the search, the map and the settings, each a thumb's reach away and at least 44 × 44 px.
import { useText } from '../i18n/useText';
import type { NarrowPane } from '../reader/paneLayout';

interface PhoneBarProps {
  pane: NarrowPane;
  onPane: (pane: NarrowPane) => void;
  mapOpen: boolean;
  onMap: () => void;
  onSearch: () => void;
  onSettings: () => void;
}

export function PhoneBar({ pane, onPane, mapOpen, onMap, onSearch, onSettings }: PhoneBarProps) {
  const { text } = useText();
  const showPane = (next: NarrowPane) => {
    // The map stands in the reader's place: the news and the places leave it.
    if (mapOpen) onMap();
    onPane(next);
  };
  return (
    <nav className="phone-bar" aria-label={text('phoneBar.label')}>
      <button type="button" aria-pressed={!mapOpen && pane !== 'sidebar'} onClick={() => showPane('list')}>
        {text('phoneBar.news')}
      </button>
      <button type="button" aria-pressed={!mapOpen && pane === 'sidebar'} onClick={() => showPane('sidebar')}>
        {text('panes.places')}
      </button>
      <button
        type="button"
        onClick={() => {
          showPane('list');
          onSearch();
        }}
      >
        {text('phoneBar.search')}
      </button>
      <button type="button" className="map-toggle" aria-pressed={mapOpen} onClick={onMap}>
        {text('map.button')}
      </button>
      <button type="button" className="settings-button" onClick={onSettings}>
        {text('phoneBar.settings')}
      </button>
    </nav>
  );
}
