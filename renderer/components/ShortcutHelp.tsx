// The list of keyboard shortcuts (the ? key), as a modal dialog that Esc or its Close button ends.
import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../shared/i18n/messages.en';

const shortcuts: readonly { keys: readonly string[]; action: MessageId }[] = [
  { keys: ['j', '↓'], action: 'keys.next' },
  { keys: ['k', '↑'], action: 'keys.previous' },
  { keys: ['Enter'], action: 'keys.open' },
  { keys: ['/', 'Ctrl+F', '⌘F'], action: 'keys.search' },
  { keys: ['Esc'], action: 'keys.escape' },
  { keys: ['m'], action: 'keys.read' },
  { keys: ['s'], action: 'keys.star' },
  { keys: ['r'], action: 'keys.sync' },
  { keys: ['?'], action: 'keys.help' },
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose}>
      <h2 id="shortcut-help-title">
        <FormattedMessage id="keys.title" />
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="keys.key" />
            </th>
            <th scope="col">
              <FormattedMessage id="keys.action" />
            </th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>
                <FormattedMessage id={action} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => dialog.current?.close()} autoFocus>
        <FormattedMessage id="keys.close" />
      </button>
    </dialog>
  );
}
