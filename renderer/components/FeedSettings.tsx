// Feed settings: add a feed by its address, sync now, and see or remove the feeds Field News reads.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { errorMessages } from '../../shared/errorMessages';
import { checkFeedAddress } from '../../shared/feedAddress';
import { db, newsRepository } from '../database';
import type { FeedRecord } from '../db/fieldNewsDb';
import { defaultSyncIntervalMinutes, syncScheduler } from '../sync/syncService';
import { timeAgo } from '../sync/syncStatusText';

interface FeedSettingsProps {
  syncing: boolean;
  intervalMinutes: number;
  nowMs: number;
}

const feedState = (feed: FeedRecord, nowMs: number): string => {
  if (feed.builtIn) return 'Bundled with the app';
  if (feed.gone) return 'Gone: the server answered 410, so it is no longer checked';
  if (feed.lastError) return `Last try failed: ${feed.lastError}`;
  if (feed.lastSyncAt) return `Updated ${timeAgo(Date.parse(feed.lastSyncAt), nowMs)}`;
  return 'Not synced yet';
};

export function FeedSettings({ syncing, intervalMinutes, nowMs }: FeedSettingsProps) {
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const feeds = useLiveQuery(() => db.feeds.orderBy('url').toArray());

  const addFeed = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkFeedAddress(address);
    if (!checked.ok) {
      setMessage(checked.error);
      return;
    }
    const added = await newsRepository.addFeed({ url: checked.value, title: new URL(checked.value).host, builtIn: false });
    if (!added) {
      setMessage(errorMessages.feedAlreadyAdded);
      return;
    }
    setMessage(null);
    setAddress('');
    const ran = await syncScheduler.run({ manual: true, feedUrl: checked.value });
    if (ran === 'offline') setMessage(`Added. ${errorMessages.syncOffline}: it will sync when the laptop is online.`);
  };

  const removeFeed = async (feed: FeedRecord) => {
    if (!window.confirm(`Remove "${feed.title}" and its ${feed.itemCount} saved news items from this computer?`)) return;
    await newsRepository.removeFeed(feed.url);
  };

  const syncNow = async () => {
    const ran = await syncScheduler.run({ manual: true });
    setMessage(ran === 'offline' ? `${errorMessages.syncOffline}: no request was made.` : null);
  };

  return (
    <section className="feed-settings" aria-label="Feeds">
      <form className="feed-form" onSubmit={(event) => void addFeed(event)}>
        <label>
          Feed URL
          <input
            type="url"
            inputMode="url"
            placeholder="https://example.org/feed.json"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-describedby="feed-message"
          />
        </label>
        <button type="submit">Add feed</button>
        <button type="button" onClick={() => void syncNow()} disabled={syncing}>
          Sync now
        </button>
      </form>
      <p id="feed-message" className="feed-message" role="alert">
        {message}
      </p>
      <details className="feed-list">
        <summary>Feeds ({feeds?.length ?? 0})</summary>
        <ul>
          {feeds?.map((feed) => (
            <li key={feed.url} className={feed.gone ? 'feed feed--gone' : 'feed'}>
              <strong>{feed.title}</strong> <span className="feed-count">· {feed.itemCount} items</span>
              <div className="feed-url">{feed.builtIn ? 'Sample news' : feed.url}</div>
              <div className="feed-state">{feedState(feed, nowMs)}</div>
              <button type="button" onClick={() => void removeFeed(feed)} aria-label={`Remove ${feed.title}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
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
    </section>
  );
}
