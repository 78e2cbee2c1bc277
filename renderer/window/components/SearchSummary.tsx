// One line above the results: how many items the search found, or that nothing matched and which
// place names are nearest to what was typed.
import { FormattedMessage } from 'react-intl';
import type { SearchReadiness } from '../search/searchClient';
import type { NewsSearch } from '../search/useNewsSearch';

/** The most results the list can show at once. */
const shownLimit = 1_000;

interface SearchSummaryProps {
  search: NewsSearch;
  readiness: SearchReadiness;
  onTryPlace: (name: string) => void;
}

export function SearchSummary({ search, readiness, onTryPlace }: SearchSummaryProps) {
  const { answer, query } = search;
  if (readiness.state === 'starting' && (query.trim() || search.chips.length > 0)) {
    return (
      <p className="search-summary">
        <FormattedMessage id="search.preparing" />
      </p>
    );
  }
  if (answer?.keepTyping) {
    return (
      <p className="search-summary">
        <FormattedMessage id="search.keepTyping" />
      </p>
    );
  }
  if (answer?.nothingMatched) {
    return (
      <p className="search-summary search-summary--none">
        <FormattedMessage id="search.nothingMatched" values={{ query: query.trim() }} />
        {answer.nearestPlaces.length > 0 && (
          <>
            {' '}
            <FormattedMessage id="search.nearestPlaces" />{' '}
            {answer.nearestPlaces.slice(0, 5).map((place) => (
              <button key={place.placeId} type="button" className="link-button" onClick={() => onTryPlace(place.name)}>
                {place.name}
              </button>
            ))}
          </>
        )}
      </p>
    );
  }
  const total = answer && (query.trim() || search.chips.length > 0) ? answer.total : search.dateKeys?.length;
  if (total === undefined) return null;
  return (
    <p className="search-summary">
      {total > shownLimit ? (
        <FormattedMessage id="search.tooMany" values={{ count: total, limit: shownLimit }} />
      ) : (
        <FormattedMessage id="search.found" values={{ count: total }} />
      )}
    </p>
  );
}
