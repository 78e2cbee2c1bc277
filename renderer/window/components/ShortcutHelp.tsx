// The list of keyboard shortcuts (the ? key), as a modal dialog that Esc or its Close button ends.
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/messages.en';
import { ModalDialog } from './ModalDialog';

const shortcuts: readonly { keys: readonly string[]; action: MessageId }[] = [
  { keys: ['j', '↓'], action: 'keys.next' },
  { keys: ['k', '↑'], action: 'keys.previous' },
  { keys: ['Enter'], action: 'keys.open' },
  { keys: ['Home', 'End', 'PgUp', 'PgDn'], action: 'keys.listEnds' },
  { keys: ['/', 'Ctrl+F', '⌘F'], action: 'keys.search' },
  { keys: ['Esc'], action: 'keys.escape' },
  { keys: ['m'], action: 'keys.read' },
  { keys: ['s'], action: 'keys.star' },
  { keys: ['r'], action: 'keys.sync' },
  { keys: ['?'], action: 'keys.help' },
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog className="shortcut-help" titleId="keys.title" closeId="keys.close" onClose={onClose}>
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
    </ModalDialog>
  );
}
