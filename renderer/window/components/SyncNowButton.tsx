// The header's "Sync now": every feed at once, now; offline it says that no request was made.
import { useState } from 'react';
import { useText } from '../i18n/useText';
import { syncScheduler } from '../sync/syncService';

export function SyncNowButton({ syncing }: { syncing: boolean }) {
  const { text } = useText();
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
