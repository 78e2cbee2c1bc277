// Search as you type: the field (a plain searchbox, so assistive tools and tests find it by that role), its place suggestions ("Tapachula — Chiapas, Mexico · 1 item"),
// the place chips a picked suggestion becomes, and the date range.
import { useId, useState, type KeyboardEvent } from 'react';
import type { PlaceSuggestion } from '../../shared/places/placeSearch';
import type { SearchAnswer } from '../search/newsSearchEngine';
import { suggestionLabel } from '../search/placeLabel';

export interface PlaceChip {
  placeId: string;
  label: string;
}

interface SearchBarProps {
  query: string;
  onQuery: (query: string) => void;
  answer: SearchAnswer | null;
  chips: readonly PlaceChip[];
  onPickPlace: (suggestion: PlaceSuggestion) => void;
  onRemoveChip: (placeId: string) => void;
  from: string;
  to: string;
  onDates: (from: string, to: string) => void;
  unavailable: string | null;
}

export function SearchBar({ query, onQuery, answer, chips, onPickPlace, onRemoveChip, from, to, onDates, unavailable }: SearchBarProps) {
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
      if (shown) setOpen(false);
      else onQuery('');
    }
  };

  return (
    <section className="search" aria-label="Search">
      <div className="search-field">
        <input
          type="search"
          aria-label="Search by place or word"
          placeholder="Search by place or word: Tapachula, Petén, Chiapas…"
          value={query}
          aria-controls={listId}
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
          <ul className="suggestions" id={listId} role="listbox" aria-label="Places">
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
                {suggestionLabel(suggestion)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="filters">
        {chips.map((chip) => (
          <span className="chip" key={chip.placeId}>
            {chip.label}
            <button type="button" aria-label={`Remove filter ${chip.label}`} onClick={() => onRemoveChip(chip.placeId)}>
              ×
            </button>
          </span>
        ))}
        <label>
          From <input type="date" value={from} max={to || undefined} onChange={(event) => onDates(event.target.value, to)} />
        </label>
        <label>
          To <input type="date" value={to} min={from || undefined} onChange={(event) => onDates(from, event.target.value)} />
        </label>
        {unavailable && <span className="search-note">{unavailable}</span>}
      </div>
    </section>
  );
}
