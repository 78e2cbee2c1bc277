// A news card's small picture: the item's own picture if it was saved, else nothing (the list stays
// quiet; the reader says what was not saved). From storage only, never from the network.
import { resolvePictureUrl } from '../../../shared/pictures/pictureUrls';
import { usePictureUrl } from './useSavedPictures';
import './pictures.css';

export function ListPicture({ imageUrl, itemUrl }: { imageUrl: string; itemUrl: string | null }) {
  const src = usePictureUrl(resolvePictureUrl(imageUrl, itemUrl));
  // Decorative here: the card's title says what the item is about.
  return typeof src === 'string' ? <img className="news-card-picture" src={src} alt="" loading="lazy" /> : null;
}
