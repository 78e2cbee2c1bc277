// The list of stored news, newest first. Page keys move through it, Enter opens the focused item.
import { useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { newsItemKeyText, type NewsItem, type NewsItemKey } from '../../shared/feed/newsItem';
import { sampleFeedKey } from '../../shared/feed/sampleFeed';
import { NewsCard } from './NewsCard';

const noNames: readonly string[] = [];


interface NewsListProps {
  items: readonly NewsItem[] | undefined;
  openedKey: NewsItemKey | null;
  focusedIndex: number;
  onFocusIndex: (index: number) => void;
  onOpen: (item: NewsItem) => void;
  emptyText: string;
  /** Items first seen after this time are marked new; null marks none. */
  newSince: string | null;
  /** Place names to mark, by item key (search results). */
  highlights: ReadonlyMap<string, readonly string[]>;
}

export function NewsList({ items, openedKey, focusedIndex, onFocusIndex, onOpen, emptyText, newSince, highlights }: NewsListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const intl = useIntl();
  if (items === undefined) return <div className="news-list news-list--loading"><FormattedMessage id="app.loadingNews" /></div>;
  if (items.length === 0) return <div className="news-list news-list--empty">{emptyText}</div>;

  const focusArticle = (index: number) => {
    const bounded = Math.max(0, Math.min(items.length - 1, index));
    onFocusIndex(bounded);
    listRef.current?.querySelectorAll<HTMLElement>('article')[bounded]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // ↓/↑ (and j/k) open the next item: the window's shortcuts do that (renderer/useKeyboardShortcuts.ts).
    const moves: Record<string, number> = { PageDown: 10, PageUp: -10 };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      focusArticle(focusedIndex + move);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusArticle(event.key === 'Home' ? 0 : items.length - 1);
    } else if (event.key === 'Enter') {
      const item = items[focusedIndex];
      if (item) {
        event.preventDefault();
        onOpen(item);
      }
    }
  };

  const openedText = openedKey ? newsItemKeyText({ feedUrl: openedKey[0], id: openedKey[1] }) : null;
  return (
    <div className="news-list" ref={listRef} role="feed" aria-label={intl.formatMessage({ id: 'app.newsListLabel' })} onKeyDown={onKeyDown}>
      {items.map((item, index) => {
        const key = newsItemKeyText(item);
        return (
          <NewsCard
            key={key}
            item={item}
            index={index}
            setSize={items.length}
            isOpen={key === openedText}
            isFocused={index === focusedIndex}
            // The bundled sample is never news that "arrived"; synced items are new until the user has looked.
            isNew={newSince !== null && item.feedUrl !== sampleFeedKey && item.firstSeenAt > newSince && !item.read}
            names={highlights.get(key) ?? noNames}
            onOpen={onOpen}
            onFocusIndex={onFocusIndex}
          />
        );
      })}
    </div>
  );
}
