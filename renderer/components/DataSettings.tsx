// The news on this computer: a backup to take away ("Export my news"), a backup to bring in
// ("Import news backup", merged without duplicates), and the diagnostics a support person asks for.
import { useRef, useState } from 'react';
import { exportBackup, suggestedBackupFileName } from '../backup/exportBackup';
import { importBackup } from '../backup/importBackup';
import { collectDiagnostics } from '../diagnostics/collectDiagnostics';
import { log } from '../log/log';
import { saveFile } from '../saveFile';
import { refreshSearch } from '../search/searchService';

const counted = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

export function DataSettings() {
  const [message, setMessage] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [diagnostics, setDiagnostics] = useState<string | null>(null);
  const backupInput = useRef<HTMLInputElement>(null);

  const exportNews = async () => {
    setWorking(true);
    try {
      const blob = await exportBackup(({ itemsWritten, itemsTotal }) => setMessage(`Writing the backup… ${itemsWritten} of ${itemsTotal} news items`));
      saveFile(blob, suggestedBackupFileName());
      setMessage('The backup file is ready: keep it on a USB stick or another computer.');
    } catch (error) {
      log.error('backup', 'Export failed', error);
      setMessage('The backup could not be written. Free some disk space and try again; your news is unchanged.');
    } finally {
      setWorking(false);
    }
  };

  const importNews = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    try {
      const imported = await importBackup(file, (progress) =>
        setMessage(progress.phase === 'checking' ? 'Checking the backup file…' : `Importing… ${progress.itemsWritten} of ${progress.itemsTotal} news items`),
      );
      if (!imported.ok) {
        setMessage(imported.error);
        return;
      }
      const { feedsAdded, itemsAdded, itemsUpdated, itemsUnchanged } = imported.value;
      setMessage(
        `Backup imported: ${counted(feedsAdded, 'feed', 'feeds')} and ${counted(itemsAdded, 'news item', 'news items')} added, ${counted(itemsUpdated, 'updated', 'updated')}, ${counted(itemsUnchanged, 'already here', 'already here')}.`,
      );
      // Imported items are tagged with their places by the search worker.
      refreshSearch();
    } finally {
      setWorking(false);
      if (backupInput.current) backupInput.current.value = '';
    }
  };

  const copyDiagnostics = async () => {
    const text = await collectDiagnostics();
    try {
      await navigator.clipboard.writeText(text);
      setDiagnostics(null);
      setMessage('Diagnostics copied: paste them into a message to support.');
    } catch (error) {
      // The clipboard may be refused (no permission, an unfocused window): show the text to copy by hand.
      log.warn('diagnostics', 'The clipboard refused the diagnostics', error);
      setDiagnostics(text);
    }
  };

  return (
    <details className="data-settings">
      <summary>Backup and diagnostics</summary>
      <div className="data-actions">
        <button type="button" onClick={() => void exportNews()} disabled={working}>
          Export my news
        </button>
        <button type="button" onClick={() => backupInput.current?.click()} disabled={working}>
          Import news backup
        </button>
        <input
          ref={backupInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Backup file to import"
          onChange={(event) => void importNews(event.target.files?.[0])}
        />
        <button type="button" onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </button>
      </div>
      <p className="data-message" aria-live="polite">
        {message}
      </p>
      {diagnostics !== null && <textarea className="diagnostics-text" readOnly value={diagnostics} aria-label="Diagnostics" rows={8} />}
    </details>
  );
}
