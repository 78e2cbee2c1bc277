// Above the reader's text: the item's own picture from storage (when its text does not show it
// already), and "Save pictures for this item" when some of its pictures are not saved and the link is up.
import { useMemo } from 'react';
import type { NewsItem } from '../../../shared/feed/newsItem';
import { pictureUrlsOfItem, resolvePictureUrl } from '../../../shared/pictures/pictureUrls';
import { useOnlineStatus } from '../useOnlineStatus';
import { SavedPicture, SavePicturesButton } from './SavedPicture';
import { useSavedPictures } from './useSavedPictures';
import './pictures.css';

export function ReaderPictures({ item }: { item: NewsItem }) {
  const all = useMemo(() => pictureUrlsOfItem(item), [item]);
  const lead = useMemo(() => {
    const url = item.imageUrl === null ? null : resolvePictureUrl(item.imageUrl, item.url);
    const inText = pictureUrlsOfItem({ ...item, imageUrl: null });
    return url !== null && !inText.includes(url) ? url : null;
  }, [item]);
  const saved = useSavedPictures(all);
  const online = useOnlineStatus();
  if (saved === undefined) return null;
  const missing = all.some((url) => !saved.has(url));
  return (
    <>
      {lead !== null && (
        <figure className="reader-lead-picture">
          <SavedPicture url={lead} alt="" />
        </figure>
      )}
      {missing && online && <SavePicturesButton item={item} />}
    </>
  );
}
