// Says in words what the app knows: online or offline, and how much news is saved.
interface StatusLineProps {
  online: boolean;
  savedCount: number | undefined;
  problem: string | null;
}

const countText = (count: number) => `${count} news item${count === 1 ? '' : 's'} saved`;

export function StatusLine({ online, savedCount, problem }: StatusLineProps) {
  const parts = [online ? 'Online' : 'Offline — showing saved news'];
  if (savedCount !== undefined) parts.push(countText(savedCount));
  if (problem) parts.push(problem);
  return (
    <footer className="status-line" role="status" aria-live="polite">
      {parts.join(' · ')}
    </footer>
  );
}
