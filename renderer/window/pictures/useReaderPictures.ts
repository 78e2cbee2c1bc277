// The reader's pictures: the sanitized fragment with each <img> shown from storage (or a
// placeholder), and which of the item's pictures are not saved, for "Save pictures for this item".
import { useMemo } from 'react';
import { useText } from '../i18n/useText';
import { pictureAddressesIn, showSavedPictures } from './showSavedPictures';
import { useSavedPictures } from './useSavedPictures';

/** The fragment as the reader may insert it: null without HTML, undefined while storage is read. */
export const useFragmentWithSavedPictures = (fragment: DocumentFragment | null): DocumentFragment | null | undefined => {
  const addresses = useMemo(() => (fragment === null ? [] : pictureAddressesIn(fragment)), [fragment]);
  const saved = useSavedPictures(addresses);
  const { text } = useText();
  return useMemo(() => {
    if (fragment === null) return null;
    if (saved === undefined) return undefined;
    return showSavedPictures(
      fragment,
      (url) => saved.get(url) ?? null,
      (alt) => (alt === '' ? text('pictures.notSaved') : text('pictures.notSavedWithAlt', { alt })),
    );
  }, [fragment, saved, text]);
};
