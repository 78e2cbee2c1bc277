// Shows one news item in full. Feed HTML is sanitized before it reaches the page, and links inside
// it open in the system browser (renderer/externalLinks.ts), never inside the app.
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { displayTitle } from '../../../shared/feed/itemPreview';
import type { NewsItem } from '../../../shared/feed/newsItem';
import type { SavedArticle } from '../../../shared/articles/articleRecord';
import { NewsDate } from './NewsDate';
import { ReaderPictures } from '../pictures/ReaderPictures';
import { useFragmentWithSavedPictures } from '../pictures/useReaderPictures';
import { sanitizeNewsHtml } from '../reader/sanitizeNewsHtml';
import { markNames } from '../search/markNames';
import { HighlightedText } from './HighlightedText';

interface ReaderPaneProps {
  item: NewsItem | undefined | null;
  /** Place names the search matched in this item, to mark. */
  highlightNames: readonly string[];
  /** Changes each time the user opens an item: the heading then takes the focus. */
  focusRequest?: number;
  /** The item's feed's declared language: the title and text are marked with it (screen readers, hyphenation). */
  language?: string;
  /** What ItemReader says about the item (actions, source, places), shown above its date. */
  about?: ReactNode;
  /** The item's saved full article, shown instead of the feed's text; null for the feed's version. */
  article?: SavedArticle | null;
}

export function ReaderPane({ item, highlightNames, focusRequest = 0, language, about, article = null }: ReaderPaneProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasItem = Boolean(item);
  useEffect(() => {
    if (focusRequest > 0 && hasItem) headingRef.current?.focus();
  }, [focusRequest, hasItem]);
  // The saved article is sanitized like feed HTML, its links read against the page it came from.
  const html = article?.html ?? item?.contentHtml ?? null;
  const itemUrl = article?.pageUrl ?? item?.url ?? null;
  const safeHtml = useMemo(() => (html === null ? null : sanitizeNewsHtml(html, itemUrl)), [html, itemUrl]);
  // Its pictures from storage only (blob: URLs) or placeholders: the reader never fetches a picture.
  const shownHtml = useFragmentWithSavedPictures(safeHtml);
  const bodyRef = useRef<HTMLDivElement>(null);
  const intl = useIntl();
  const label = intl.formatMessage({ id: 'reader.label' });
  const title = item ? displayTitle(item) : '';
  useLayoutEffect(() => {
    if (bodyRef.current && shownHtml) {
      // A copy each time: the memoized fragment is emptied by insertion, and marks change per search.
      bodyRef.current.replaceChildren(shownHtml.cloneNode(true));
      markNames(bodyRef.current, highlightNames);
    }
  }, [shownHtml, highlightNames]);

  if (!item) {
    return (
      <section className="reader reader--empty" aria-label={label}>
        <p>
          <FormattedMessage id="reader.empty" />
        </p>
      </section>
    );
  }

  return (
    <section className="reader" aria-label={label}>
      {about}
      <article className="reader-item" data-reader-item-id={item.id} lang={language}>
        <time dateTime={item.datePublished ?? undefined}><NewsDate iso={item.datePublished} /></time>
        <h1 className="reader-title" ref={headingRef} tabIndex={-1} lang={title === '' ? intl.locale : undefined}>
          {title === '' ? intl.formatMessage({ id: 'item.untitled' }) : <HighlightedText text={title} names={highlightNames} />}
        </h1>
        <ReaderPictures item={item} />
        {safeHtml !== null ? (
          // Filled with the sanitized HTML, then marked, by the layout effect above.
          <div className="reader-body" ref={bodyRef} />
        ) : (
          <div className="reader-body">
            {(item.contentText ?? '').split(/\n\s*\n/).map((paragraph, index) => (
              <p key={index}>
                <HighlightedText text={paragraph} names={highlightNames} />
              </p>
            ))}
          </div>
        )}
        {item.url && (
          <p className="reader-source">
            <a href={item.url}>
              <FormattedMessage id="reader.source" />
            </a>
          </p>
        )}
      </article>
    </section>
  );
}
