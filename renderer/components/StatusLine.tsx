// The status line: says in words what the app is doing (role="status", announced politely), with a
// progress bar while a sync runs; a problem is announced assertively on its own (role="alert").
import { useText } from '../i18n/useText';

interface StatusLineProps {
  text: string;
  syncing: boolean;
  problem: string | null;
}

export function StatusLine({ text, syncing, problem }: StatusLineProps) {
  const { text: t } = useText();
  return (
    <footer className="status-bar">
      {syncing && <progress className="sync-progress" aria-label={t('status.syncProgress')} />}
      <span className="status-line" role="status" aria-live="polite">
        {text}
      </span>
      <span className="status-problem" role="alert">
        {problem}
      </span>
    </footer>
  );
}
