// The status line: says in words what the app is doing (role="status", announced politely), with a
// progress bar while a sync runs; a problem is announced assertively on its own (role="alert").
import { useText } from '../i18n/useText';
import { usePictureProgress } from '../pictures/pictureService';
import { useArticleProgress } from '../articles/articleService';

interface StatusLineProps {
  text: string;
  syncing: boolean;
  problem: string | null;
}

export function StatusLine({ text, syncing, problem }: StatusLineProps) {
  const { text: t } = useText();
  // Pictures are saved after their pages, so "Saving pictures… 12 of 40" may outlast the sync's own words.
  const pictures = usePictureProgress();
  // Articles too: "Saving articles… 12 of 40", after the syncs.
  const articles = useArticleProgress();
  const withArticles = articles === null ? text : t('status.separator', { first: text, second: t('articles.saving', { done: articles.done, total: articles.total }) });
  const shown = pictures === null ? withArticles : t('status.separator', { first: withArticles, second: t('pictures.saving', { saved: pictures.saved, total: pictures.total }) });
  return (
    <footer className="status-bar">
      {syncing && <progress className="sync-progress" aria-label={t('status.syncProgress')} />}
      <span className="status-line" role="status" aria-live="polite">
        {shown}
      </span>
      <span className="status-problem" role="alert">
        {problem}
      </span>
    </footer>
  );
}
