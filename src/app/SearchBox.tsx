import { useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchLectures } from './searchIndex';

/** Search across lecture titles and headings: type, arrow keys to choose, Enter to go. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const listId = useId();
  const hits = searchLectures(query);
  const open = query.trim().length > 0;

  const go = (to: string) => {
    setQuery('');
    navigate(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      go(hits[active].to);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search lectures
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        placeholder="Search lectures…"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" className="search__results" aria-label="Search results">
          {hits.length === 0 ? (
            <li className="search__empty" role="option" aria-selected={false} aria-disabled>
              No lecture or heading matches “{query}”.
            </li>
          ) : (
            hits.map((hit, index) => (
              <li
                key={hit.to}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'search__hit search__hit--active' : 'search__hit'}
                onMouseDown={(event) => {
                  event.preventDefault();
                  go(hit.to);
                }}
              >
                <span className="search__label">{hit.label}</span>
                <span className="search__where">{hit.lecture}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
