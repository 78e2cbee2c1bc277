// The news on this computer: a backup to take away ("Export my news"), a backup to bring in
// ("Import news backup", merged without duplicates), and the diagnostics a support person asks for.
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { exportBackup, suggestedBackupFileName } from '../backup/exportBackup';
import { importBackup, importSummaryMessages } from '../backup/importBackup';
import { collectDiagnostics } from '../diagnostics/collectDiagnostics';
import { log } from '../log';
import { saveFile } from '../saveFile';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';

export function DataSettings() {
  const intl = useIntl();
  const [message, setMessage] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [diagnostics, setDiagnostics] = useState<string | null>(null);
  const backupInput = useRef<HTMLInputElement>(null);

  const exportNews = async () => {
    setWorking(true);
    try {
      const blob = await exportBackup(({ itemsWritten, itemsTotal }) => setMessage(intl.formatMessage({ id: 'data.writing' }, { written: itemsWritten, total: itemsTotal })));
      saveFile(blob, suggestedBackupFileName());
      setMessage(intl.formatMessage({ id: 'data.ready' }));
    } catch (error) {
      log.error('backup', 'Export failed', error);
      setMessage(intl.formatMessage({ id: 'data.exportFailed' }));
    } finally {
      setWorking(false);
    }
  };

  const importNews = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    try {
      const imported = await importBackup(file, (progress) =>
        setMessage(
          progress.phase === 'checking'
            ? intl.formatMessage({ id: 'data.checking' })
            : intl.formatMessage({ id: 'data.importing' }, { written: progress.itemsWritten, total: progress.itemsTotal }),
        ),
      );
      if (!imported.ok) {
        setMessage(formatStoredMessage(intl, imported.error));
        return;
      }
      // What came in, and, when the file held a setting a backup may not change (news keeping), that it was kept as it is here.
      setMessage(importSummaryMessages(imported.value).map((said) => formatStoredMessage(intl, said)).join(' '));
      // The search worker sees the imported items in its own watch of the database and tags them.
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
      setMessage(intl.formatMessage({ id: 'data.copied' }));
    } catch (error) {
      // The clipboard may be refused (no permission, an unfocused window): show the text to copy by hand.
      log.warn('diagnostics', 'The clipboard refused the diagnostics', error);
      setDiagnostics(text);
    }
  };

  return (
    <details className="data-settings">
      <summary>
        <FormattedMessage id="data.summary" />
      </summary>
      <div className="data-actions">
        <button type="button" onClick={() => void exportNews()} disabled={working}>
          <FormattedMessage id="data.export" />
        </button>
        <button type="button" onClick={() => backupInput.current?.click()} disabled={working}>
          <FormattedMessage id="data.import" />
        </button>
        <input
          ref={backupInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={intl.formatMessage({ id: 'data.importFile' })}
          onChange={(event) => void importNews(event.target.files?.[0])}
        />
        <button type="button" onClick={() => void copyDiagnostics()}>
          <FormattedMessage id="data.copyDiagnostics" />
        </button>
      </div>
      <p className="data-message" aria-live="polite">
        {message}
      </p>
      {diagnostics !== null && <textarea className="diagnostics-text" readOnly value={diagnostics} aria-label={intl.formatMessage({ id: 'data.diagnostics' })} rows={8} />}
    </details>
  );
}
