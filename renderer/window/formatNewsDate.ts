// Dates in the interface language ("27 nov 2026", "Nov 27, 2026"); a missing date is said, not guessed.
import type { IntlShape } from '@formatjs/intl';

export const formatNewsDate = (intl: Pick<IntlShape<string>, 'formatDate' | 'formatMessage'>, iso: string | null): string => {
  const time = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? intl.formatMessage({ id: 'app.unknownDate' }) : intl.formatDate(time, { dateStyle: 'medium' });
};
