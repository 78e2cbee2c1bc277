// Settings, out of the header: a modal dialog (focus kept inside and given back on close, Esc closes)
// holding the sections the window passes (feeds and sync interval, language and theme, pictures,
// backup), then Storage.
import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
import { StorageSettings } from './StorageSettings';

interface SettingsDialogProps {
  onClose: () => void;
  locale: string;
  /** The sections the window owns, shown above Storage. */
  children: ReactNode;
}

export function SettingsDialog({ onClose, locale, children }: SettingsDialogProps) {
  return (
    <ModalDialog className="settings-dialog" titleId="panes.settings" closeId="panes.closeSettings" closeFirst onClose={onClose}>
      {children}
      <StorageSettings locale={locale} />
    </ModalDialog>
  );
}
