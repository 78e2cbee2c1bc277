// One line above the results: how many items the search found, or that nothing matched and which
// place names are nearest to what was typed.
import type { SearchReadiness } from '../search/searchService';
import type { NewsSearch } from '../search/useNewsSearch';

interface SearchSummaryProps {
  search: NewsSearch;
  readiness: SearchReadiness;
  onTryPlace: (name: string) => void;
}

export function SearchSummary({ search, readiness, onTryPlace }: SearchSummaryProps) {
  const { answer, query } = search;
  if (readiness.state === 'starting' && (query.trim() || search.chips.length > 0)) {
    return <p className="search-summary">Preparing the place search…</p>;
  }
  if (answer?.nothingMatched) {
    return (
      <p className="search-summary search-summary--none">
        No saved news matches “{query.trim()}”.
        {answer.nearestPlaces.length > 0 && (
          <>
            {' '}
            Nearest places:{' '}
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
  const total = answer && (query.trim() || search.chips.length > 0) ? answer.total : search.items?.length;
  if (total === undefined) return null;
  return (
    <p className="search-summary">
      {total} news item{total === 1 ? '' : 's'} found
      {total > 1_000 ? ' · the best 1,000 can be shown: add a place or a date to narrow' : ''}
    </p>
  );
}
