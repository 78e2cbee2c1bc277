// Discovery: a web page announced several feeds; the user picks the one to add.
import { FormattedMessage } from 'react-intl';
import type { DiscoveredFeedLink } from '../../../shared/feed/parseFeedDocument';

const formatNames: Record<DiscoveredFeedLink['format'], string> = { rss: 'RSS', rdf: 'RSS 1.0', atom: 'Atom', 'json-feed': 'JSON Feed' };

interface FeedChooserProps {
  pageUrl: string;
  links: readonly DiscoveredFeedLink[];
  onChoose: (url: string) => void;
  onCancel: () => void;
}

export function FeedChooser({ pageUrl, links, onChoose, onCancel }: FeedChooserProps) {
  return (
    <section className="feed-chooser" aria-labelledby="feed-chooser-title">
      <p id="feed-chooser-title">
        <FormattedMessage id="feeds.chooserIntro" values={{ host: new URL(pageUrl).host, count: links.length }} />
      </p>
      <ul>
        {links.map((link) => (
          <li key={link.url}>
            <button type="button" onClick={() => onChoose(link.url)}>
              <FormattedMessage id="feeds.chooserAdd" values={{ title: link.title ?? link.url, format: formatNames[link.format] }} />
            </button>
            <span className="feed-url"> {link.url}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel}>
        <FormattedMessage id="feeds.cancel" />
      </button>
    </section>
  );
}
