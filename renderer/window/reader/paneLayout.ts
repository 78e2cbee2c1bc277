// The three panes' geometry: widths the user dragged (kept within bounds as the window changes), and
// below a narrow width one pane at a time with "Back" going reader → list → sidebar.
import { z } from 'zod';

/** Below this window width the panes collapse to one. */
export const narrowWidth = 760;

export interface PaneWidths {
  sidebar: number;
  list: number;
}

export const defaultPaneWidths: PaneWidths = { sidebar: 240, list: 380 };
const bounds = { sidebar: { min: 160, max: 420 }, list: { min: 260, max: 720 }, readerMin: 320 };

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

/** Widths within bounds that leave the reader its minimum; in a narrow window they do not apply. */
export const clampPaneWidths = (widths: PaneWidths, windowWidth: number): PaneWidths => {
  const sidebar = clamp(widths.sidebar, bounds.sidebar.min, Math.min(bounds.sidebar.max, windowWidth - bounds.list.min - bounds.readerMin));
  const list = clamp(widths.list, bounds.list.min, Math.min(bounds.list.max, windowWidth - sidebar - bounds.readerMin));
  return { sidebar, list };
};

const storedWidths = z.object({ sidebar: z.number().finite(), list: z.number().finite() });

/** The stored setting (JSON text), or the defaults when absent or unreadable. */
export const parsePaneWidths = (text: string | undefined): PaneWidths => {
  if (text === undefined) return defaultPaneWidths;
  try {
    const parsed = storedWidths.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : defaultPaneWidths;
  } catch {
    // Not JSON (an older or damaged setting): the defaults, and the next drag writes it anew.
    return defaultPaneWidths;
  }
};

export type NarrowPane = 'sidebar' | 'list' | 'reader';

/** Where "Back" goes in the narrow layout; null at the sidebar (nothing behind it). */
export const paneBehind = (pane: NarrowPane): NarrowPane | null => (pane === 'reader' ? 'list' : pane === 'list' ? 'sidebar' : null);

export const isNarrow = (windowWidth: number): boolean => windowWidth < narrowWidth;
