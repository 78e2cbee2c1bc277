// Whether the window shows the map, and its keyboard shortcut: Alt+M opens and closes it from
// anywhere (a plain letter would be typed into the search field).
import { useCallback, useEffect, useState } from 'react';

export const mapShortcut = { key: 'm', altKey: true } as const;

export const useMapToggle = (): { mapOpen: boolean; toggleMap: () => void; closeMap: () => void } => {
  const [mapOpen, setMapOpen] = useState(false);
  const toggleMap = useCallback(() => setMapOpen((open) => !open), []);
  const closeMap = useCallback(() => setMapOpen(false), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === mapShortcut.key) {
        event.preventDefault();
        toggleMap();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleMap]);
  return { mapOpen, toggleMap, closeMap };
};
