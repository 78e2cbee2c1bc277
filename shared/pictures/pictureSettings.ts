// The user's picture settings and what they mean on the connection at hand: "Save pictures" (all,
// the first of each item, none) and a total budget; a metered or slow link saves the first only.
import { z } from 'zod';
import { assertNever } from '../assertNever';

export const pictureModes = ['all', 'first', 'none'] as const;
export type PictureMode = (typeof pictureModes)[number];

export const pictureModeSettingKey = 'pictures.mode';
export const pictureBudgetSettingKey = 'pictures.budgetMegabytes';
export const defaultPictureMode: PictureMode = 'first';
export const defaultPictureBudgetMegabytes = 500;

/** The stored choice, or the default (the first picture of each item) when absent or unreadable. */
export const parsePictureMode = (stored: unknown): PictureMode => {
  const parsed = z.enum(pictureModes).safeParse(stored);
  return parsed.success ? parsed.data : defaultPictureMode;
};

/** The stored budget in megabytes (text in the settings table), or the default. */
export const parsePictureBudget = (stored: unknown): number => {
  const parsed = z.coerce.number().int().min(10).max(100_000).safeParse(stored);
  return parsed.success ? parsed.data : defaultPictureBudgetMegabytes;
};

/** What the browser says of the link (navigator.connection, where there is one). */
export interface ConnectionFacts {
  saveData?: boolean;
  effectiveType?: string;
}

export const connectionFactsSchema = z.object({ saveData: z.boolean().optional(), effectiveType: z.string().optional() });

/** Data saver on, or a link the browser rates as 2g or 3g (slow-2g included). */
export const isMeteredOrSlow = (connection: ConnectionFacts | undefined): boolean =>
  connection !== undefined && (connection.saveData === true || /^(?:slow-)?[23]g$/.test(connection.effectiveType ?? ''));

/** The pictures of one item to save, its own picture first, under the mode and the link. */
export const picturesToSave = (urls: readonly string[], mode: PictureMode, connection: ConnectionFacts | undefined): string[] => {
  switch (mode) {
    case 'none':
      return [];
    case 'first':
      return urls.slice(0, 1);
    case 'all':
      return isMeteredOrSlow(connection) ? urls.slice(0, 1) : [...urls];
    default:
      return assertNever(mode);
  }
};
