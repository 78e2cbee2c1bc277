// One news item in the list: date, title and first lines, with searched places marked.
// Memoized: typing in the search field must not re-render hundreds of unchanged cards.
import { memo } from 'react';
import { FormattedMessage } from 'react-intl';
import { displayTitle, previewAround } from '../../shared/feed/itemPreview';
import type { NewsItem } from '../../shared/feed/newsItem';
import { NewsDate } from './NewsDate';
import { HighlightedText } from './HighlightedText';
import { ListPicture } from '../pictures/ListPicture';

interface NewsCardProps {
  item: NewsItem;
  index: number;
  setSize: number;
  isOpen: boolean;
  isFocused: boolean;
  isNew: boolean;
  names: readonly string[];
  onOpen: (item: NewsItem) => void;
  onFocusIndex: (index: number) => void;
}

export const NewsCard = memo(function NewsCard({ item, index, setSize, isOpen, isFocused, isNew, names, onOpen, onFocusIndex }: NewsCardProps) {
  return (
    <article
      data-item-id={item.id}
      className={`news-card${isOpen ? ' news-card--open' : ''}${item.read ? '' : ' news-card--unread'}`}
      tabIndex={isFocused ? 0 : -1}
      aria-current={isOpen ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      onFocus={() => onFocusIndex(index)}
      onClick={() => onOpen(item)}
    >
      <time dateTime={item.datePublished ?? undefined}><NewsDate iso={item.datePublished} /></time>
      {isNew && <span className="new-badge"><FormattedMessage id="app.newBadge" /></span>}
      {item.imageUrl !== null && <ListPicture imageUrl={item.imageUrl} itemUrl={item.url} />}
      <h2>
        <HighlightedText text={displayTitle(item)} names={names} />
      </h2>
      <p>
        <HighlightedText text={previewAround(item, names)} names={names} />
      </p>
    </article>
  );
});
