// One picture shown from storage only: its saved copy, or a quiet placeholder saying it was not saved,
// with "Save pictures for this item" when online. It never asks the network for the picture itself.
import type { NewsItem } from '../../../shared/feed/newsItem';
import { useText } from '../i18n/useText';
import { useOnlineStatus } from '../useOnlineStatus';
import { savePicturesOfItem } from './pictureService';
import { usePictureUrl } from './useSavedPictures';

interface SavedPictureProps {
  url: string;
  alt: string;
  className?: string;
  /** The item it belongs to: given, the placeholder offers to save the item's pictures when online. */
  item?: NewsItem;
}

export function SavedPicture({ url, alt, className, item }: SavedPictureProps) {
  const src = usePictureUrl(url);
  const online = useOnlineStatus();
  const { text } = useText();
  if (src === undefined) return null;
  if (src !== null) return <img className={className} src={src} alt={alt} loading="lazy" />;
  const words = alt === '' ? text('pictures.notSaved') : text('pictures.notSavedWithAlt', { alt });
  return (
    <span className="picture-not-saved">
      <span role="img" aria-label={words}>
        {words}
      </span>
      {item && online && <SavePicturesButton item={item} />}
    </span>
  );
}

/** Saves every picture the item names, whatever the setting: the user asked for this item. */
export function SavePicturesButton({ item }: { item: NewsItem }) {
  const { text } = useText();
  return (
    <button type="button" className="save-pictures" onClick={() => savePicturesOfItem(item)}>
      {text('pictures.saveForItem')}
    </button>
  );
}
