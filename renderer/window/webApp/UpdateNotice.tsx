// The line that says a new version of the web app is ready, with its Reload; nothing otherwise.
import { useText } from '../i18n/useText';
import { acceptUpdate, useAppUpdateNotice } from './appUpdate';

const noticeText = { ready: 'update.ready', waitingForSync: 'update.waitingForSync', updatedElsewhere: 'update.updatedElsewhere' } as const;

export function UpdateNotice() {
  const { text } = useText();
  const notice = useAppUpdateNotice();
  // The live region is there from the start, so a screen reader says the notice when it appears in it.
  return (
    <div aria-live="polite">
      {notice !== 'none' && (
        <aside className="update-notice" aria-label={text('update.label')}>
          <span>{text(noticeText[notice])}</span>
          {notice !== 'waitingForSync' && (
            <button type="button" onClick={acceptUpdate}>
              {text('update.reload')}
            </button>
          )}
        </aside>
      )}
    </div>
  );
}
