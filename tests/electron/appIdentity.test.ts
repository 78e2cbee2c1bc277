import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { fixAppIdentity } = await import('../../electron/appIdentity');
const { appMenuTemplate } = await import('../../electron/appMenu');

describe('the app identity', () => {
  it('fixes the name and the data folder, so every version opens the same stored news', () => {
    const userData = fixAppIdentity();
    expect(fakeElectron.app.name).toBe('Field News');
    expect(userData).toBe(path.join('/home/officer/.config', 'Field News'));
    expect(fakeElectron.app.getPath('userData')).toBe(userData);
  });
});

describe('the application menu', () => {
  const roles = (isDevelopment: boolean) => JSON.stringify(appMenuTemplate(isDevelopment, false, { showAbout: () => undefined }));

  it('offers Reload and DevTools only in development', () => {
    expect(roles(true)).toMatch(/toggleDevTools/);
    expect(roles(true)).toMatch(/"reload"/);
    expect(roles(false)).not.toMatch(/toggleDevTools|"reload"|forceReload/);
  });

  it('has an About entry under Help that calls the About dialog', () => {
    const showAbout = vi.fn();
    const help = appMenuTemplate(false, false, { showAbout }).find((menu) => menu.role === 'help');
    const about = (help?.submenu as { label?: string; click?: () => void }[] | undefined)?.find((item) => item.label === 'About Field News');
    about?.click?.();
    expect(showAbout).toHaveBeenCalledOnce();
  });
});
