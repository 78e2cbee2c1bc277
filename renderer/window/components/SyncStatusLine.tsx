// The status line with the sync's words: the one part of the window that follows a sync page by
// page. It reads the sync's state itself, so a page's progress redraws this line, not the window
// (read at the window's root, it redrew every part, an open settings dialog too, about three times a
// second during a large sync).
import { useLiveQuery } from 'dexie-react-hooks';
import { useIntl } from 'react-intl';
import { db } from '../database';
import { syncStatusText } from '../sync/syncStatusText';
import { useSyncRunState } from '../sync/syncService';
import { StatusLine } from './StatusLine';

interface SyncStatusLineProps {
  online: boolean;
  nowMs: number;
  problem: string | null;
}

export function SyncStatusLine({ online, nowMs, problem }: SyncStatusLineProps) {
  const intl = useIntl();
  const sync = useSyncRunState();
  // Summed from the feed records: counting the items table walks every item, on every sync page.
  const savedCount = useLiveQuery(async () => (await db.feeds.toArray()).reduce((total, feed) => total + feed.itemCount, 0));
  return <StatusLine text={syncStatusText(intl, { online, sync, savedCount, nowMs })} syncing={sync.running} problem={problem} />;
}
