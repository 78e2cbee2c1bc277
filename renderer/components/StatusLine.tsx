// The status line: says in words what the app is doing (role="status"), with a progress bar while a sync runs.
interface StatusLineProps {
  text: string;
  syncing: boolean;
  problem: string | null;
}

export function StatusLine({ text, syncing, problem }: StatusLineProps) {
  return (
    <footer className="status-bar">
      {syncing && <progress className="sync-progress" aria-label="Sync progress" />}
      <span className="status-line" role="status" aria-live="polite">
        {problem ? `${text} · ${problem}` : text}
      </span>
    </footer>
  );
}
