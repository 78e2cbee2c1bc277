// What the reader says about an item's full article: saved (from which site, with a way back to the
// feed's own version), or why it could not be saved, with "Try again" while online. Nothing while
// the article waits or the item never wanted one.
import type { ArticleRecord } from '../../../shared/articles/articleRecord';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';
import { useIntl } from 'react-intl';
import { useOnlineStatus } from '../useOnlineStatus';
import { useText } from '../i18n/useText';
import { tryArticleAgain } from './articleService';

interface ArticleNoticeProps {
  record: ArticleRecord | undefined;
  showingFeedVersion: boolean;
  onShowFeedVersion: (show: boolean) => void;
}

export function ArticleNotice({ record, showingFeedVersion, onShowFeedVersion }: ArticleNoticeProps) {
  const { text } = useText();
  const intl = useIntl();
  const online = useOnlineStatus();
  if (record === undefined || record.status === 'waiting') return null;
  if (record.status === 'saved' && record.article !== null) {
    const site = record.article.siteName ?? new URL(record.article.pageUrl).host;
    return (
      <p className="article-notice">
        <span>{text('articles.savedFrom', { site })}</span>
        <button type="button" aria-pressed={showingFeedVersion} onClick={() => onShowFeedVersion(!showingFeedVersion)}>
          {text(showingFeedVersion ? 'articles.showFullArticle' : 'articles.showFeedVersion')}
        </button>
      </p>
    );
  }
  return (
    <p className="article-notice article-notice--failed">
      {/* A page without an article says so in one sentence; a failed download adds its reason to "could not be saved". */}
      {record.status === 'failed' && <span>{text('articles.notSaved')}</span>}
      {record.failure !== null && <span>{formatStoredMessage(intl, record.failure)}</span>}
      {online && (
        <button type="button" onClick={() => void tryArticleAgain(record.itemKey)}>
          {text('articles.tryAgain')}
        </button>
      )}
    </p>
  );
}
