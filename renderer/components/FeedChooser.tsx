// Discovery: a web page announced several feeds; the user picks the one to add.
import type { DiscoveredFeedLink } from '../../shared/feed/parseFeedDocument';

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
        The page {new URL(pageUrl).host} announces {links.length} feeds. Choose the one to add:
      </p>
      <ul>
        {links.map((link) => (
          <li key={link.url}>
            <button type="button" onClick={() => onChoose(link.url)}>
              Add {link.title ?? link.url} ({formatNames[link.format]})
            </button>
            <span className="feed-url"> {link.url}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
