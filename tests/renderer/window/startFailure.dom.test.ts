// When a start step of the window fails (a file of the app missing), the window says so in words,
// in the page's language, with Reload and the technical detail, instead of staying blank.
import { describe, expect, it, vi } from 'vitest';
import { showStartFailure } from '../../../renderer/window/startFailure';

const rootWith = (content: string) => {
  const root = document.createElement('div');
  root.textContent = content;
  document.body.replaceChildren(root);
  return root;
};

describe('the notice of a failed start', () => {
  it('replaces the window with the problem in English, a Reload button and the error', () => {
    const root = rootWith('half-drawn window');
    showStartFailure(root, new TypeError('Failed to fetch dynamically imported module: app://field-news/assets/database-X.js'), 'en-GB');
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe('Field News could not start');
    expect(root.textContent).toContain('install Field News again (your saved news is kept)');
    expect(root.querySelector('pre')?.textContent).toBe('TypeError: Failed to fetch dynamically imported module: app://field-news/assets/database-X.js');
    expect(root.textContent).not.toContain('half-drawn window');
    expect(root.querySelector('button')?.textContent).toBe('Reload');
  });

  it('speaks Spanish to a Spanish page, and shows markup in an error as text', () => {
    const root = rootWith('');
    showStartFailure(root, '<img src=x onerror=alert(1)>', 'es-MX');
    expect(root.querySelector('h1')?.textContent).toBe('Field News no pudo iniciarse');
    expect(root.querySelector('button')?.textContent).toBe('Volver a cargar');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('pre')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('reloads the page from its button', () => {
    const root = rootWith('');
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    showStartFailure(root, new Error('gone'), 'en');
    root.querySelector('button')?.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
