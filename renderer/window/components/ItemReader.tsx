// The reader pane around one item: where it came from (feed, author, date), the places it names as
// chips (choosing one filters), previous/next, star, read/unread, Open original and Print; the text
// itself is ReaderPane's (sanitized HTML or plain text), in the feed's language.
import { useState } from 'react';
import { checkExternalLink } from '../../../shared/externalLink';
import type { ItemRecord } from '../../db/fieldNewsDb';
import { ArticleNotice } from '../articles/ArticleNotice';
import { useSavedArticle } from '../articles/useSavedArticle';
import { useText } from '../i18n/useText';
import { ReaderPane } from './ReaderPane';

interface ItemReaderProps {
  item: ItemRecord | null | undefined;
  /** The item's feed's name and declared language (undefined while unknown). */
  feedTitle: string | undefined;
  language: string | undefined;
  highlightNames: readonly string[];
  /** Changes each time the user opens an item: the heading then takes the focus. */
  focusRequest: number;
  /** A place's words ("Tapachula — Chiapas, Mexico"), or null while the gazetteer is not loaded. */
  placeLabel: (placeId: string) => string | null;
  onChoosePlace: (placeId: string) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onStar: (item: ItemRecord, starred: boolean) => void;
  onToggleRead: (item: ItemRecord) => void;
}

export function ItemReader({ item, feedTitle, language, highlightNames, focusRequest, placeLabel, onChoosePlace, onPrevious, onNext, onStar, onToggleRead }: ItemReaderProps) {
  const { text } = useText();
  const record = useSavedArticle(item);
  // The full article by default; "Show the feed's version" for this item only.
  const [feedVersionOf, setFeedVersionOf] = useState<string | null>(null);
  if (!item) return <ReaderPane item={item} highlightNames={highlightNames} />;
  const showingFeedVersion = feedVersionOf === `${item.feedUrl}\n${item.id}`;
  const article = record?.status === 'saved' && !showingFeedVersion ? record.article : null;
  // Only a web address opens: a feed may give any text as an item's link.
  const original = checkExternalLink(item.url);
  const places = item.places.flatMap((placeId) => {
    const label = placeLabel(placeId);
    return label === null ? [] : [{ placeId, label }];
  });
  const about = (
    <>
      <div className="reader-actions">
        <button type="button" onClick={onPrevious ?? undefined} disabled={!onPrevious}>{text('panes.previous')}</button>
        <button type="button" onClick={onNext ?? undefined} disabled={!onNext}>{text('panes.next')}</button>
        <button type="button" aria-pressed={item.starred} aria-keyshortcuts="s" onClick={() => onStar(item, !item.starred)}>{text('reader.star')}</button>
        <button type="button" aria-keyshortcuts="m" onClick={() => onToggleRead(item)}>{text(item.read ? 'reader.markUnread' : 'reader.markRead')}</button>
        {original.ok && (
          // The window's link handler (renderer/externalLinks.ts) opens it in the system browser.
          <a className="reader-original" href={original.value} rel="noreferrer noopener">{text('panes.openOriginal')}</a>
        )}
        <button type="button" onClick={() => window.print()}>{text('panes.print')}</button>
      </div>
      <div className="reader-meta">
        <span className="reader-feed">{feedTitle ?? item.feedUrl}</span>
        {item.authors.length > 0 && <span className="reader-authors">{text('panes.byAuthors', { authors: item.authors.join(', ') })}</span>}
      </div>
      <ArticleNotice record={record} showingFeedVersion={showingFeedVersion} onShowFeedVersion={(show) => setFeedVersionOf(show ? `${item.feedUrl}\n${item.id}` : null)} />
      {places.length > 0 && (
        <div className="reader-places">
          {places.map((place) => (
            <button type="button" key={place.placeId} className="reader-place" onClick={() => onChoosePlace(place.placeId)}>{place.label}</button>
          ))}
        </div>
      )}
    </>
  );
  return <ReaderPane item={item} article={article} highlightNames={highlightNames} focusRequest={focusRequest} language={language} about={about} />;
}
