// The reader pane around one item: where it came from (feed, author, date), the places it names as
// chips (choosing one filters), Open original, previous/next, star, mark unread and Print; the text
// itself is ReaderPane's (sanitized HTML or plain text).
import { useLiveQuery } from 'dexie-react-hooks';
import { checkExternalLink } from '../../shared/externalLink';
import { db } from '../database';
import type { ItemRecord } from '../db/fieldNewsDb';
import { NewsDate } from './NewsDate';
import { useText } from '../i18n/useText';
import { ReaderPane } from './ReaderPane';

interface ItemReaderProps {
  item: ItemRecord | null | undefined;
  highlightNames: readonly string[];
  /** A place's words ("Tapachula — Chiapas, Mexico"), or null while the gazetteer is not loaded. */
  placeLabel: (placeId: string) => string | null;
  onChoosePlace: (placeId: string) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onStar: (item: ItemRecord, starred: boolean) => void;
  onMarkUnread: (item: ItemRecord) => void;
}

export function ItemReader({ item, highlightNames, placeLabel, onChoosePlace, onPrevious, onNext, onStar, onMarkUnread }: ItemReaderProps) {
  const { text } = useText();
  const feedUrl = item?.feedUrl;
  const feed = useLiveQuery(async () => (feedUrl === undefined ? undefined : db.feeds.get(feedUrl)), [feedUrl]);
  if (!item) return <ReaderPane item={item} highlightNames={highlightNames} />;
  // Only a web address opens: a feed may give any text as an item's link.
  const original = checkExternalLink(item.url);
  const places = item.places.flatMap((placeId) => {
    const label = placeLabel(placeId);
    return label === null ? [] : [{ placeId, label }];
  });
  return (
    <div className="item-reader">
      <div className="reader-actions">
        <button type="button" onClick={onPrevious ?? undefined} disabled={!onPrevious}>{text('panes.previous')}</button>
        <button type="button" onClick={onNext ?? undefined} disabled={!onNext}>{text('panes.next')}</button>
        <button type="button" aria-pressed={item.starred} onClick={() => onStar(item, !item.starred)}>{item.starred ? text('panes.unstar') : text('panes.star')}</button>
        <button type="button" onClick={() => onMarkUnread(item)} disabled={!item.read}>{text('panes.markUnread')}</button>
        {original.ok && (
          // The window's link handler (renderer/externalLinks.ts) opens it in the system browser.
          <a className="reader-original" href={original.value} rel="noreferrer noopener">{text('panes.openOriginal')}</a>
        )}
        <button type="button" onClick={() => window.print()}>{text('panes.print')}</button>
      </div>
      <div className="reader-meta">
        <span className="reader-feed">{feed?.title ?? item.feedUrl}</span>
        {item.authors.length > 0 && <span className="reader-authors">{text('panes.byAuthors', { authors: item.authors.join(', ') })}</span>}
        <time dateTime={item.sortDate}><NewsDate iso={item.datePublished ?? item.sortDate} /></time>
      </div>
      {places.length > 0 && (
        <div className="reader-places">
          {places.map((place) => (
            <button type="button" key={place.placeId} className="reader-place" onClick={() => onChoosePlace(place.placeId)}>{place.label}</button>
          ))}
        </div>
      )}
      {/* The item's words are in its feed's language, not necessarily the interface's (screen readers, hyphenation). */}
      <div lang={feed?.language ?? undefined} style={{ display: 'contents' }}>
        <ReaderPane item={item} highlightNames={highlightNames} />
      </div>
    </div>
  );
}
