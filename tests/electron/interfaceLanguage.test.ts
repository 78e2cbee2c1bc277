// The menu and the About box speak the page's language: the system's (any Spanish → Spanish) until
// the page says its setting, then the setting; a change rebuilds nothing when the language stays.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: {}, app: {}, clipboard: {}, dialog: {}, shell: {} }));

// The language lives in module state: each test loads the modules afresh, so it starts from the
// state the main process starts with ("System", no system languages known) and runs alone or in any order.
const loadMainModules = async () => {
  vi.resetModules();
  const [{ appMenuTemplate }, { aboutText }, { mainInterfaceLanguage, setMainLanguage }] = await Promise.all([
    import('../../electron/appMenu'),
    import('../../electron/aboutDialog'),
    import('../../electron/interfaceLanguage'),
  ]);
  return { appMenuTemplate, aboutText, mainInterfaceLanguage, setMainLanguage };
};
let main: Awaited<ReturnType<typeof loadMainModules>>;
beforeEach(async () => {
  main = await loadMainModules();
});

const labels = () => main.appMenuTemplate(false, false, { showAbout: () => undefined }).map((menu) => menu.label);
const facts = { version: '2.0.0', electronVersion: '45.5.0', chromiumVersion: '142.0', userDataFolder: '/home/ana/.config/Field News' };

describe('the main process language', () => {
  it('follows a Spanish system until the page says otherwise', () => {
    expect(main.setMainLanguage({ systemLanguages: ['es-GT', 'en-US'] })).toBe(true);
    expect(main.mainInterfaceLanguage()).toBe('es');
    expect(labels()).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
    expect(main.aboutText(facts)).toContain('Versión 2.0.0');
    expect(main.aboutText(facts)).toContain('Nombres de lugares: GeoNames (geonames.org): CC BY 4.0');
  });

  it('takes the setting from the page, and says when nothing changed', () => {
    main.setMainLanguage({ systemLanguages: ['es-GT', 'en-US'] });
    expect(main.setMainLanguage({ setting: 'es' })).toBe(false);
    expect(main.setMainLanguage({ setting: 'en' })).toBe(true);
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(main.aboutText(facts)).toContain('Your news is stored in:');
    expect(main.setMainLanguage({ setting: 'system' })).toBe(true);
    expect(main.mainInterfaceLanguage()).toBe('es');
  });
});
