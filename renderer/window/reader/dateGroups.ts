// The list's date groups: Today, Yesterday, This week, then month and year, by the reader's own
// calendar (local time), named in the interface language.
import { assertNever } from '../../../shared/assertNever';

export type DateGroup = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'thisWeek' } | { kind: 'month'; year: number; month: number };

const dayNumber = (date: Date): number => Math.round(new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / 86_400_000);

/** The group of an item dated `sortDate`, seen at `now`. News dated in the future (a clock ahead) counts as today. */
export const dateGroupOf = (sortDate: string, now: Date): DateGroup => {
  const date = new Date(sortDate);
  const daysAgo = dayNumber(now) - dayNumber(date);
  if (daysAgo <= 0) return { kind: 'today' };
  if (daysAgo === 1) return { kind: 'yesterday' };
  if (daysAgo < 7) return { kind: 'thisWeek' };
  return { kind: 'month', year: date.getFullYear(), month: date.getMonth() };
};

/** One text per group, to tell where a header goes (the group changes between two items). */
export const dateGroupKey = (group: DateGroup): string => (group.kind === 'month' ? `${group.year}-${group.month}` : group.kind);

/** The words of the first three groups, from the interface's catalog. */
export interface RecentGroupWords {
  today: string;
  yesterday: string;
  thisWeek: string;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale: building an Intl.DateTimeFormat costs more than formatting with it, and rows ask often. */
const monthFormat = (locale: string): Intl.DateTimeFormat => {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    monthFormats.set(locale, format);
  }
  return format;
};

/** The header's words: "Today", "Yesterday", "This week", "November 2026" (in the locale's own form). */
export const dateGroupLabel = (group: DateGroup, locale: string, words: RecentGroupWords): string => {
  switch (group.kind) {
    case 'today':
      return words.today;
    case 'yesterday':
      return words.yesterday;
    case 'thisWeek':
      return words.thisWeek;
    case 'month':
      return monthFormat(locale).format(new Date(group.year, group.month, 1));
    default:
      return assertNever(group);
  }
};
