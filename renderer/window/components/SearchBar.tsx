// Search as you type: the field (a plain searchbox, so assistive tools and tests find it by that role), its place suggestions ("Tapachula — Chiapas, Mexico · 1 item"),
// the place chips a picked suggestion becomes, and the date range.
import { forwardRef, useId, useState, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PlaceSuggestion } from '../../../shared/places/placeSearch';
import type { SearchAnswer } from '../../threads/searchContract';
import { placeLabel, suggestionLabel } from '../../../shared/places/placeLabel';
import type { PlaceLabelParts } from '../../../shared/places/gazetteer';

/** A place chosen in the search, the map, the sidebar or the reader. */
export interface PickedPlace {
  placeId: string;
  parts: PlaceLabelParts;
}

/** A chosen place: stored as the place (its parts), worded in the interface language when shown. */
export interface PlaceChip {
  placeId: string;
  parts?: PlaceLabelParts;
  /** The English label a chip saved by an older version carries instead of its parts. */
  label?: string;
}

/** A chip's words in the interface language ("México" in Spanish). */
export const chipLabel = (chip: PlaceChip, locale: string): string => (chip.parts ? placeLabel(chip.parts, locale) : (chip.label ?? chip.placeId));

interface SearchBarProps {
  query: string;
  onQuery: (query: string) => void;
  answer: SearchAnswer | null;
  chips: readonly PlaceChip[];
  onPickPlace: (place: PickedPlace) => void;
  onRemoveChip: (placeId: string) => void;
  from: string;
  to: string;
  onDates: (from: string, to: string) => void;
  unavailable: string | null;
}

/** In use (a word, a chip or a date): on a phone the dates then stay shown (readerPanes.css). */
const searchClass = (inUse: boolean): string => (inUse ? 'search search--in-use' : 'search');

export const SearchBar = forwardRef<HTMLInputElement, SearchBarProps>(function SearchBar(
  { query, onQuery, answer, chips, onPickPlace, onRemoveChip, from, to, onDates, unavailable },
  fieldRef,
) {
  const intl = useIntl();
  const listId = useId();

  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const suggestions = query.trim() && answer ? answer.suggestions : [];
  const shown = open && suggestions.length > 0;

  const pick = (suggestion: PlaceSuggestion) => {
    onPickPlace(suggestion);
    setActive(-1);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' && shown && suggestions[active]) {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === 'Escape') {
      // Handled here, so the window's Esc (leave the reader) waits for the next press.
      event.preventDefault();
      if (shown) setOpen(false);
      else onQuery('');
    }
  };

  return (
    <section className={searchClass(Boolean(query || from || to) || chips.length > 0)} aria-label={intl.formatMessage({ id: 'search.region' })}>
      <div className="search-field">
        <input
          ref={fieldRef}
          type="search"
          aria-label={intl.formatMessage({ id: 'search.fieldName' })}
          aria-keyshortcuts="/ Control+F"
          placeholder={intl.formatMessage({ id: 'search.placeholder' })}
          value={query}
          // The pair points at the list only while the list exists.
          aria-controls={shown ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
          onChange={(event) => {
            onQuery(event.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        {shown && (
          <ul className="suggestions" id={listId} role="listbox" aria-label={intl.formatMessage({ id: 'search.suggestionsLabel' })}>
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.placeId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'suggestion suggestion--active' : 'suggestion'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(suggestion)}
              >
                {suggestionLabel(intl, suggestion)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="filters">
        {chips.map((chip) => {
          const label = chipLabel(chip, intl.locale);
          return (
          <span className="chip" key={chip.placeId}>
            {label}
            <button type="button" aria-label={intl.formatMessage({ id: 'search.removeFilter' }, { place: label })} onClick={() => onRemoveChip(chip.placeId)}>
              <span aria-hidden="true" className="chip-remove" />
            </button>
          </span>
          );
        })}
        <label className="date-filter">
          <FormattedMessage id="search.from" /> <input type="date" value={from} max={to || undefined} onChange={(event) => onDates(event.target.value, to)} />
        </label>
        <label className="date-filter">
          <FormattedMessage id="search.to" /> <input type="date" value={to} min={from || undefined} onChange={(event) => onDates(from, event.target.value)} />
        </label>
        {unavailable && <span className="search-note">{unavailable}</span>}
      </div>
    </section>
  );
});
