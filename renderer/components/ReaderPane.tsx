// Shows one news item in full. Feed HTML is sanitized before it reaches the page, and links inside
// it open in the system browser (renderer/externalLinks.ts), never inside the app.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { displayTitle } from '../../shared/feed/itemPreview';
import type { NewsItem } from '../../shared/feed/newsItem';
import { formatNewsDate } from '../formatNewsDate';
import { sanitizeNewsHtml } from '../reader/sanitizeNewsHtml';
import { markNames } from '../search/markNames';
import { HighlightedText } from './HighlightedText';

interface ReaderPaneProps {
  item: NewsItem | undefined | null;
  /** Place names the search matched in this item, to mark. */
  highlightNames: readonly string[];
}

export function ReaderPane({ item, highlightNames }: ReaderPaneProps) {
  const html = item?.contentHtml ?? null;
  const itemUrl = item?.url ?? null;
  const safeHtml = useMemo(() => (html === null ? null : sanitizeNewsHtml(html, itemUrl)), [html, itemUrl]);
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (bodyRef.current && safeHtml !== null) {
      // A copy each time: the memoized fragment is emptied by insertion, and marks change per search.
      bodyRef.current.replaceChildren(safeHtml.cloneNode(true));
      markNames(bodyRef.current, highlightNames);
    }
  }, [safeHtml, highlightNames]);

  if (!item) {
    return (
      <section className="reader reader--empty" aria-label="Reader">
        <p>Choose a news item to read it here.</p>
      </section>
    );
  }

  return (
    <section className="reader" aria-label="Reader">
      <article className="reader-item" data-reader-item-id={item.id}>
        <time dateTime={item.datePublished ?? undefined}>{formatNewsDate(item.datePublished)}</time>
        <h1>
          <HighlightedText text={displayTitle(item)} names={highlightNames} />
        </h1>
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
              Read at the source
            </a>
          </p>
        )}
      </article>
    </section>
  );
}
