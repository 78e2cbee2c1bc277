// The header's "Sync now": every feed at once, now; offline it says that no request was made. Disabled while a sync runs.
import { useState } from 'react';
import { useText } from '../i18n/useText';
import { syncScheduler, useSyncRunning } from '../sync/syncService';

export function SyncNowButton() {
  const { text } = useText();
  // Read here, not passed down: the window above is not redrawn when a sync starts or ends.
  const syncing = useSyncRunning();
  const [offline, setOffline] = useState(false);
  const syncNow = async () => {
    const ran = await syncScheduler.run({ manual: true });
    setOffline(ran === 'offline');
  };
  return (
    <>
      <button type="button" onClick={() => void syncNow()} disabled={syncing}>
        {text('feeds.syncNow')}
      </button>
      {/* Only while there is something to say: the settings dialog has its own alert for the feed form. */}
      {offline && (
        <span className="sync-now-message" role="alert">
          {text('feeds.syncOffline')}
        </span>
      )}
    </>
  );
}
