// Remembers where the window was and how large, so the app opens as the user left it.
// A saved position that is no longer on any screen (a monitor was unplugged) is ignored.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { mainLog } from './mainLog';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof boundsSchema>;

export interface ScreenArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowSize = { width: 1200, height: 800 } as const;

const overlaps = (state: WindowState, area: ScreenArea): boolean =>
  state.x < area.x + area.width && state.x + state.width > area.x && state.y < area.y + area.height && state.y + state.height > area.y;

/** The saved state if the file holds a valid one that is visible on one of `screens`, else null. */
export const readWindowState = (file: string, screens: readonly ScreenArea[]): WindowState | null => {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No file on a first start, or a damaged one: the window opens at its default size either way.
    return null;
  }
  const state = boundsSchema.safeParse(saved);
  if (!state.success) return null;
  return screens.some((area) => overlaps(state.data, area)) ? state.data : null;
};

export const writeWindowState = (file: string, state: WindowState): void => {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch (thrown) {
    // Losing the window position is harmless; the app must not fail to close over it.
    mainLog.warn('window', 'The window position could not be saved', thrown);
  }
};
