// An item's date as text in the interface language, for use inside a <time> element.
import { useIntl } from 'react-intl';
import { formatNewsDate } from '../formatNewsDate';

export function NewsDate({ iso }: { iso: string | null }) {
  return <>{formatNewsDate(useIntl(), iso)}</>;
}
