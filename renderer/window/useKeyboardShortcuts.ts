// The keys feed-reader users know, for the whole window: j/k and ↓/↑ next and previous item (opening
// it), / and Ctrl+F (⌘F) the search, Esc back out, m read, s star, r sync, ? the list of keys.
// Single letters do nothing while a text field has focus: they are typing there.
import { useEffect, useRef } from 'react';
import { assertNever } from '../../shared/assertNever';

export interface ShortcutActions {
  step: (direction: 1 | -1) => void;
  focusSearch: () => void;
  escape: () => boolean;
  toggleRead: () => void;
  toggleStar: () => void;
  sync: () => void;
  showHelp: () => void;
}

/** True where keys are text: inputs that take typing, text areas, selects and editable content. */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
};

export type ShortcutName = 'next' | 'previous' | 'search' | 'escape' | 'read' | 'star' | 'sync' | 'help';

/** Which shortcut a key press is, or null; pure, so the rules can be tested without a window. */
export const shortcutFor = (
  key: string,
  modifiers: { ctrl: boolean; meta: boolean; alt: boolean },
  typing: boolean,
): ShortcutName | null => {
  if ((modifiers.ctrl || modifiers.meta) && !modifiers.alt && key.toLowerCase() === 'f') return 'search';
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  if (key === 'Escape') return 'escape';
  if (typing) return null;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case '/':
      return 'search';
    case 'm':
      return 'read';
    case 's':
      return 'star';
    case 'r':
      return 'sync';
    case '?':
      return 'help';
    default:
      return null;
  }
};

export const useKeyboardShortcuts = (actions: ShortcutActions): void => {
  // The listener is added once; the latest actions are read through the ref.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const name = shortcutFor(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey }, isTypingTarget(event.target));
      if (name === null) return;
      const act = latest.current;
      switch (name) {
        case 'next':
          act.step(1);
          break;
        case 'previous':
          act.step(-1);
          break;
        case 'search':
          act.focusSearch();
          break;
        case 'escape':
          // Esc in a field the field handles (the search clears itself); elsewhere it leaves the reader.
          if (!act.escape()) return;
          break;
        case 'read':
          act.toggleRead();
          break;
        case 'star':
          act.toggleStar();
          break;
        case 'sync':
          act.sync();
          break;
        case 'help':
          act.showHelp();
          break;
        default:
          assertNever(name);
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
};
