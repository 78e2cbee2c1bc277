// The pane a narrow window (a phone) shows, one at a time. The map stands in the reader's place, so
// opening it shows that pane; a place chosen on the map while it fills a phone's screen closes it and
// shows the list of that place's news, which is what the tap was for.
import { useEffect, useRef, useState } from 'react';
import { isNarrow, type NarrowPane } from './paneLayout';

export const useNarrowPane = (mapShown: boolean, chosenPlaceIds: readonly string[], closeMap: () => void) => {
  const [narrowPane, setNarrowPane] = useState<NarrowPane>('list');
  const [wasMapShown, setWasMapShown] = useState(mapShown);
  if (mapShown !== wasMapShown) {
    setWasMapShown(mapShown);
    if (mapShown) setNarrowPane('reader');
  }
  const chosen = chosenPlaceIds.join('\n');
  const lastChosen = useRef(chosen);
  useEffect(() => {
    const added = chosenPlaceIds.some((placeId) => !lastChosen.current.split('\n').includes(placeId));
    lastChosen.current = chosen;
    if (added && mapShown && isNarrow(window.innerWidth)) {
      setNarrowPane('list');
      closeMap();
    }
    // Only a change of the chosen places acts; the map's state of that moment is read as it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);
  return [narrowPane, setNarrowPane] as const;
};
