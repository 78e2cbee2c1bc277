// Shows one news item in full. Feed HTML is sanitized with DOMPurify before it reaches the page,
// and links inside it open in the system browser through the bridge, never inside the app.
import DOMPurify from 'dompurify';
import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { displayTitle } from '../../shared/feed/itemPreview';
import type { NewsItem } from '../../shared/feed/newsItem';
import { bridge } from '../bridge';
import { formatNewsDate } from '../formatNewsDate';
import { markNames } from '../search/markNames';
import { HighlightedText } from './HighlightedText';

const sanitizeNewsHtml = (html: string): string =>
  DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'link', 'meta', 'base'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });

interface ReaderPaneProps {
  item: NewsItem | undefined | null;
  /** Place names the search matched in this item, to mark. */
  highlightNames: readonly string[];
}

export function ReaderPane({ item, highlightNames }: ReaderPaneProps) {
  const html = item?.contentHtml ?? null;
  const safeHtml = useMemo(() => (html === null ? null : sanitizeNewsHtml(html)), [html]);
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (bodyRef.current && safeHtml !== null) {
      bodyRef.current.innerHTML = safeHtml;
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

  const openLink = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    if (link.href) void bridge.openExternalLink(link.href);
  };

  return (
    <section className="reader" aria-label="Reader">
      <article className="reader-item" data-reader-item-id={item.id}>
        <time dateTime={item.datePublished ?? undefined}>{formatNewsDate(item.datePublished)}</time>
        <h1>
          <HighlightedText text={displayTitle(item)} names={highlightNames} />
        </h1>
        {safeHtml !== null ? (
          // Filled with the sanitized HTML, then marked, by the layout effect above.
          <div className="reader-body" onClick={openLink} ref={bodyRef} />
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
            <a href={item.url} onClick={openLink}>
              Read at the source
            </a>
          </p>
        )}
      </article>
    </section>
  );
}
