// The feeds Field News reads, grouped by folder: each with its count and state in words, a mark on
// plain-http feeds (not secure), and Remove; below them, how often to check for news.
import { useLiveQuery } from 'dexie-react-hooks';
import { db, newsRepository } from '../database';
import type { FeedRecord } from '../db/fieldNewsDb';
import { defaultSyncIntervalMinutes } from '../sync/syncService';
import { timeAgo } from '../sync/syncStatusText';

const feedState = (feed: FeedRecord, nowMs: number): string => {
  if (feed.builtIn) return 'Bundled with the app';
  if (feed.gone) return 'Gone: the server answered 410, so it is no longer checked';
  if (feed.lastError) return `Last try failed: ${feed.lastError}`;
  if (feed.lastSyncAt) return `Updated ${timeAgo(Date.parse(feed.lastSyncAt), nowMs)}`;
  return 'Not synced yet';
};

/** Feeds by folder: the top level first, then folders in name order. */
const byFolder = (feeds: readonly FeedRecord[]): [string | null, FeedRecord[]][] => {
  const groups = new Map<string | null, FeedRecord[]>();
  for (const feed of feeds) groups.set(feed.folder, [...(groups.get(feed.folder) ?? []), feed]);
  return [...groups].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
};

function FeedEntry({ feed, nowMs }: { feed: FeedRecord; nowMs: number }) {
  const removeFeed = async () => {
    if (!window.confirm(`Remove "${feed.title}" and its ${feed.itemCount} saved news items from this computer?`)) return;
    await newsRepository.removeFeed(feed.url);
  };
  const insecure = !feed.builtIn && feed.url.startsWith('http:');
  return (
    <li className={feed.gone ? 'feed feed--gone' : 'feed'}>
      <strong>{feed.title}</strong> <span className="feed-count">· {feed.itemCount} items</span>
      {insecure && (
        <span className="feed-insecure" title="This feed comes over plain http: anyone on the network can read or change it on the way.">
          {' '}
          · Not secure (http)
        </span>
      )}
      <div className="feed-url">{feed.builtIn ? 'Sample news' : feed.url}</div>
      <div className="feed-state">{feedState(feed, nowMs)}</div>
      <button type="button" onClick={() => void removeFeed()} aria-label={`Remove ${feed.title}`}>
        Remove
      </button>
    </li>
  );
}

export function FeedList({ intervalMinutes, nowMs }: { intervalMinutes: number; nowMs: number }) {
  const feeds = useLiveQuery(() => db.feeds.orderBy('url').toArray());
  return (
    <details className="feed-list">
      <summary>Feeds ({feeds?.length ?? 0})</summary>
      {byFolder(feeds ?? []).map(([folder, members]) => (
        <section key={folder ?? ''} aria-label={folder ?? 'Feeds without a folder'}>
          {folder !== null && <h3 className="feed-folder">{folder}</h3>}
          <ul>
            {members.map((feed) => (
              <FeedEntry key={feed.url} feed={feed} nowMs={nowMs} />
            ))}
          </ul>
        </section>
      ))}
      <label className="sync-interval">
        Check for news every
        <input
          type="number"
          min={5}
          max={1440}
          value={intervalMinutes}
          onChange={(event) => {
            const minutes = Math.round(Number(event.target.value));
            if (minutes >= 5 && minutes <= 1440) void newsRepository.writeSetting('syncIntervalMinutes', String(minutes));
          }}
        />
        minutes while Field News is open (default {defaultSyncIntervalMinutes}).
      </label>
    </details>
  );
}
