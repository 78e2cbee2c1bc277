// The window's dialogs: settings (feeds, accounts, language, pictures, data), the shortcuts and About.
// Loaded on first use: nothing here is on the first screen.
import { AboutPanel } from './components/AboutPanel';
import { AccountSettings } from './components/AccountSettings';
import { DataSettings } from './components/DataSettings';
import { FeedSettings } from './components/FeedSettings';
import { InterfaceSettings } from './components/InterfaceSettings';
import { SettingsDialog } from './components/SettingsDialog';
import { ShortcutHelp } from './components/ShortcutHelp';
import { PictureSettings } from './pictures/PictureSettings';

export type AppDialog = 'shortcuts' | 'about' | 'settings';

/** The dialog open now, if any; each closes back to the window. */
export function AppDialogs({ dialog, onDialog, intervalMinutes, nowMs, locale }: { dialog: AppDialog | null; onDialog: (dialog: AppDialog | null) => void; intervalMinutes: number; nowMs: number; locale: string }) {
  const closeDialog = () => onDialog(null);
  return (
    <>
      {dialog === 'settings' && (
        <SettingsDialog onClose={closeDialog} locale={locale}>
          <FeedSettings intervalMinutes={intervalMinutes} nowMs={nowMs} />
          <AccountSettings nowMs={nowMs} />
          <InterfaceSettings onShowShortcuts={() => onDialog('shortcuts')} onShowAbout={() => onDialog('about')} />
          <PictureSettings />
          <DataSettings />
        </SettingsDialog>
      )}
      {dialog === 'shortcuts' && <ShortcutHelp onClose={closeDialog} />}
      {dialog === 'about' && <AboutPanel onClose={closeDialog} />}
    </>
  );
}

