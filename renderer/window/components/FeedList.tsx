// The feeds Field News reads, grouped by folder: each with its count and state in words, a mark on
// plain-http feeds (not secure), and Remove; below them, how often to check for news.
import { useLiveQuery } from 'dexie-react-hooks';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { db, newsRepository } from '../database';
import type { FeedRecord } from '../../db/fieldNewsDb';
import { defaultSyncIntervalMinutes } from '../sync/syncService';
import { timeAgo } from '../sync/syncStatusText';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';
import { parseFullArticles, type FullArticlesChoice } from '../../../shared/articles/articleRecord';
import { articleRepository, saveWaitingArticles } from '../articles/articleService';
import { removeFeed as removeFeedEverywhere } from '../accounts/accountService';

const feedState = (intl: IntlShape, feed: FeedRecord, nowMs: number, service: string | undefined): string => {
  if (feed.builtIn) return intl.formatMessage({ id: 'feeds.stateBundled' });
  // An account's feed is fetched by its server; the account's own sync state is under Accounts.
  if (feed.account !== undefined) return intl.formatMessage({ id: 'panes.inAccount' }, { service: service ?? feed.account });
  if (feed.gone) return intl.formatMessage({ id: 'feeds.stateGone' });
  if (feed.lastError) return intl.formatMessage({ id: 'feeds.stateFailed' }, { error: formatStoredMessage(intl, feed.lastError) });
  if (feed.lastSyncAt) return intl.formatMessage({ id: 'feeds.stateUpdated' }, { ago: timeAgo(intl, Date.parse(feed.lastSyncAt), nowMs) });
  return intl.formatMessage({ id: 'feeds.stateNever' });
};

/** Feeds by folder: the top level first, then folders in name order. */
const byFolder = (feeds: readonly FeedRecord[]): [string | null, FeedRecord[]][] => {
  const groups = new Map<string | null, FeedRecord[]>();
  for (const feed of feeds) groups.set(feed.folder, [...(groups.get(feed.folder) ?? []), feed]);
  return [...groups].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
};

/** The feed's *Full articles* choice; a change applies to its stored items too and starts a round. */
function FullArticlesChoiceField({ feed }: { feed: FeedRecord }) {
  const intl = useIntl();
  const choose = async (choice: FullArticlesChoice) => {
    await articleRepository.setFullArticles(feed.url, choice);
    if (choice !== 'never') void saveWaitingArticles();
  };
  return (
    <label className="feed-full-articles">
      <FormattedMessage id="feeds.fullArticles" />
      <select
        value={parseFullArticles(feed.fullArticles)}
        aria-label={intl.formatMessage({ id: 'feeds.fullArticlesOf' }, { title: feed.title || feed.url })}
        onChange={(event) => void choose(parseFullArticles(event.target.value))}
      >
        <option value="automatic">{intl.formatMessage({ id: 'feeds.fullArticlesAutomatic' })}</option>
        <option value="always">{intl.formatMessage({ id: 'feeds.fullArticlesAlways' })}</option>
        <option value="never">{intl.formatMessage({ id: 'feeds.fullArticlesNever' })}</option>
      </select>
    </label>
  );
}

function FeedEntry({ feed, nowMs, service }: { feed: FeedRecord; nowMs: number; service: string | undefined }) {
  const intl = useIntl();
  const removeFeed = async () => {
    if (!window.confirm(intl.formatMessage({ id: 'feeds.removeConfirm' }, { title: feed.title, count: feed.itemCount }))) return;
    // An account's feed is removed on its server first (for every laptop); a refusal is said.
    const removed = await removeFeedEverywhere(feed);
    if (!removed.ok) window.alert(formatStoredMessage(intl, removed.error));
  };
  const insecure = !feed.builtIn && feed.url.startsWith('http:');
  return (
    <li className={feed.gone ? 'feed feed--gone' : 'feed'}>
      <strong>{feed.title}</strong> <span className="feed-count"><FormattedMessage id="feeds.itemCount" values={{ count: feed.itemCount }} /></span>
      {insecure && (
        <span className="feed-insecure" title={intl.formatMessage({ id: 'feeds.insecureTitle' })}>
          <FormattedMessage id="feeds.insecure" />
        </span>
      )}
      <div className="feed-url">{feed.builtIn ? intl.formatMessage({ id: 'feeds.sample' }) : feed.url}</div>
      <div className="feed-state">{feedState(intl, feed, nowMs, service)}</div>
      {!feed.builtIn && <FullArticlesChoiceField feed={feed} />}
      <button type="button" onClick={() => void removeFeed()} aria-label={intl.formatMessage({ id: 'feeds.removeNamed' }, { title: feed.title || feed.url })}>
        <FormattedMessage id="feeds.remove" />
      </button>
    </li>
  );
}

export function FeedList({ intervalMinutes, nowMs }: { intervalMinutes: number; nowMs: number }) {
  const feeds = useLiveQuery(() => db.feeds.orderBy('url').toArray());
  const services = new Map((useLiveQuery(() => db.accounts.toArray()) ?? []).map((account) => [account.id, account.service]));
  const intl = useIntl();
  return (
    <details className="feed-list">
      <summary>
        <FormattedMessage id="feeds.listSummary" values={{ count: feeds?.length ?? 0 }} />
      </summary>
      {byFolder(feeds ?? []).map(([folder, members]) => (
        <section key={folder ?? ''} aria-label={folder ?? intl.formatMessage({ id: 'feeds.noFolder' })}>
          {folder !== null && <h3 className="feed-folder">{folder}</h3>}
          <ul>
            {members.map((feed) => (
              <FeedEntry key={feed.url} feed={feed} nowMs={nowMs} service={feed.account === undefined ? undefined : services.get(feed.account)} />
            ))}
          </ul>
        </section>
      ))}
      <label className="sync-interval">
        <FormattedMessage id="feeds.intervalBefore" />
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
        <FormattedMessage id="feeds.intervalAfter" values={{ minutes: defaultSyncIntervalMinutes }} />
      </label>
    </details>
  );
}
