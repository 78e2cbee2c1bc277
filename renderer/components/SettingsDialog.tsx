// Settings, out of the header: a modal dialog holding the feeds and sync interval, language and
// theme, storage and backup sections (the window passes the sections it has), closed with Escape.
import { useEffect, useRef, type ReactNode } from 'react';
import { glyphs } from '../reader/readerGlyphs';
import { useText } from '../i18n/useText';
import { StorageSettings } from './StorageSettings';

interface SettingsDialogProps {
  open: boolean;
  onClose: () => void;
  locale: string;
  /** The sections the window owns (feeds, sync, language and theme, backup), shown above Storage. */
  children: ReactNode;
}

export function SettingsDialog({ open, onClose, locale, children }: SettingsDialogProps) {
  const { text } = useText();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={dialogRef} className="settings-dialog" aria-labelledby="settings-heading" onClose={onClose}>
      <header className="settings-dialog-header">
        <h1 id="settings-heading">{text('panes.settings')}</h1>
        <button type="button" onClick={onClose} aria-label={text('panes.closeSettings')}>
          {glyphs.close}
        </button>
      </header>
      {open && (
        <>
          {children}
          <StorageSettings locale={locale} />
        </>
      )}
    </dialog>
  );
}
