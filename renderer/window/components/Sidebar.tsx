// The sidebar: All news, Unread and Starred with their counts; the feeds by folder with unread
// counts, a mark when the last sync failed (the reason on hover and focus) and rename, move, remove;
// then the places. Counts come from the feed records, never from counting items.
import { moveFeed, removeFeed, renameFeed } from '../accounts/accountService';
import { sumFeedCounts } from '../../db/feedCounts';
import type { FeedRecord } from '../../db/fieldNewsDb';
import type { ListView } from '../../db/listViews';
import type { PlaceTreeNode } from '../reader/placeTree';
import { glyphs } from '../reader/readerGlyphs';
import { useText } from '../i18n/useText';
import { PlaceTree } from './PlaceTree';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';

interface SidebarProps {
  /** The feed records (the window reads them once for the sidebar, the list and the reader). */
  feeds: readonly FeedRecord[] | undefined;
  view: ListView;
  onView: (view: ListView) => void;
  placeTree: readonly PlaceTreeNode[] | null;
  chosenPlaceId: string | null;
  onChoosePlace: (placeId: string) => void;
}

const sameView = (left: ListView, right: ListView): boolean => JSON.stringify(left) === JSON.stringify(right);

function FeedEntry({ feed, current, onView }: { feed: FeedRecord; current: boolean; onView: SidebarProps['onView'] }) {
  const { intl, text } = useText();
  // An account's feed changes on its server first; a refusal is said, and nothing changes here.
  const sayRefusal = async (done: ReturnType<typeof renameFeed>) => {
    const result = await done;
    if (!result.ok) window.alert(formatStoredMessage(intl, result.error));
  };
  const rename = () => {
    const title = window.prompt(text('panes.renamePrompt'), feed.title);
    if (title !== null) void sayRefusal(renameFeed(feed, title));
  };
  const move = () => {
    const folder = window.prompt(text('panes.folderPrompt'), feed.folder ?? '');
    if (folder !== null) void sayRefusal(moveFeed(feed, folder));
  };
  const remove = () => {
    if (window.confirm(text('panes.removeConfirm', { title: feed.title, count: feed.itemCount }))) void sayRefusal(removeFeed(feed));
  };
  const failure = feed.lastError === null ? null : text('panes.lastSyncFailed', { reason: formatStoredMessage(intl, feed.lastError) });
  return (
    <li>
      <button type="button" className="sidebar-entry" data-feed-url={feed.url} aria-current={current ? 'true' : undefined} aria-description={failure ?? undefined} title={failure ?? undefined} onClick={() => onView({ kind: 'feed', feedUrl: feed.url })}>
        <span className="sidebar-name">{feed.title || feed.url}</span>
        {failure !== null && (
          <span className="sidebar-failed" role="img" aria-label={failure}>
            {glyphs.warning}
          </span>
        )}
        {feed.unreadCount > 0 && <span className="sidebar-count" aria-label={text('panes.unreadCount', { count: feed.unreadCount })}>{intl.formatNumber(feed.unreadCount)}</span>}
      </button>
      {current && !feed.builtIn && (
        <div className="sidebar-feed-actions">
          <button type="button" onClick={rename}>{text('panes.rename')}</button>
          <button type="button" onClick={move}>{text('panes.moveToFolder')}</button>
          {/* Short on screen beside the feed; the name says which feed for a screen reader. */}
          <button type="button" onClick={remove} aria-label={text('panes.removeNamed', { title: feed.title || feed.url })}>
            {text('panes.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

export function Sidebar({ feeds, view, onView, placeTree, chosenPlaceId, onChoosePlace }: SidebarProps) {
  const { intl, text } = useText();
  const totals = sumFeedCounts(feeds ?? []);
  const folders = new Map<string, FeedRecord[]>();
  for (const feed of [...(feeds ?? [])].sort((left, right) => left.title.localeCompare(right.title))) {
    const folder = feed.folder ?? '';
    folders.set(folder, [...(folders.get(folder) ?? []), feed]);
  }
  const views: [ListView, string, number][] = [
    [{ kind: 'all' }, text('panes.allNews'), totals.itemCount],
    [{ kind: 'unread' }, text('panes.unread'), totals.unreadCount],
    [{ kind: 'starred' }, text('panes.starred'), totals.starredCount],
  ];
  return (
    <div className="sidebar">
      <ul>
        {views.map(([entry, name, count]) => (
          <li key={entry.kind}>
            <button type="button" className="sidebar-entry" data-view={entry.kind} aria-current={sameView(view, entry) ? 'true' : undefined} onClick={() => onView(entry)}>
              <span className="sidebar-name">{name}</span>
              {/* In the interface language's digits and separators (5,010 or 5010 or 5.010). */}
              <span className="sidebar-count">{intl.formatNumber(count)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2>{text('panes.feeds')}</h2>
      <ul>
        {[...folders].sort(([left], [right]) => left.localeCompare(right)).map(([folder, members]) => (
          <li key={folder} className="sidebar-folder">
            {folder !== '' && <span>{folder}</span>}
            <ul>
              {members.map((feed) => (
                <FeedEntry key={feed.url} feed={feed} current={view.kind === 'feed' && view.feedUrl === feed.url} onView={onView} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {placeTree !== null && <PlaceTree tree={placeTree} chosenPlaceId={chosenPlaceId} onChoose={onChoosePlace} />}
    </div>
  );
}
