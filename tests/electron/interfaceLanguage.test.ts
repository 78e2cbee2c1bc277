// The menu and the About box speak the page's language: the system's (any Spanish → Spanish) until
// the page says its setting, then the setting; a change rebuilds nothing when the language stays.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: {}, app: {}, clipboard: {}, dialog: {}, shell: {} }));
const { appMenuTemplate } = await import('../../electron/appMenu');
const { aboutText } = await import('../../electron/aboutDialog');
const { mainInterfaceLanguage, setMainLanguage } = await import('../../electron/interfaceLanguage');

const labels = () => appMenuTemplate(false, false, { showAbout: () => undefined }).map((menu) => menu.label);
const facts = { version: '2.0.0', electronVersion: '45.5.0', chromiumVersion: '142.0', userDataFolder: '/home/ana/.config/Field News' };

describe('the main process language', () => {
  it('follows a Spanish system until the page says otherwise', () => {
    expect(setMainLanguage({ systemLanguages: ['es-GT', 'en-US'] })).toBe(true);
    expect(mainInterfaceLanguage()).toBe('es');
    expect(labels()).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
    expect(aboutText(facts)).toContain('Versión 2.0.0');
    expect(aboutText(facts)).toContain('Nombres de lugares: GeoNames (geonames.org): CC BY 4.0');
  });

  it('takes the setting from the page, and says when nothing changed', () => {
    expect(setMainLanguage({ setting: 'es' })).toBe(false);
    expect(setMainLanguage({ setting: 'en' })).toBe(true);
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(aboutText(facts)).toContain('Your news is stored in:');
    expect(setMainLanguage({ setting: 'system' })).toBe(true);
    expect(mainInterfaceLanguage()).toBe('es');
  });
});
