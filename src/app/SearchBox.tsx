import { useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { lectureTextLoaded, loadLectureText, searchLectures, type SearchHit } from './searchIndex';

type TextIndex = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Search across lecture titles, demos, headings and (once its index has loaded, on first focus)
 * the body text: type, arrow keys to choose, Enter to go. The result count is announced.
 */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [textIndex, setTextIndex] = useState<TextIndex>(() => (lectureTextLoaded() ? 'ready' : 'idle'));
  const navigate = useNavigate();
  const listId = useId();
  // Recomputed on every render (about a millisecond): textIndex turning 'ready' re-renders and
  // the same query then finds the body text as well.
  const { hits, total } = searchLectures(query);
  const open = query.trim().length > 0;

  const loadText = () => {
    if (textIndex === 'loading' || textIndex === 'ready') return;
    setTextIndex('loading');
    loadLectureText().then(
      () => setTextIndex('ready'),
      () => setTextIndex('failed'),
    );
  };

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

  const scope =
    textIndex === 'ready' ? '' : textIndex === 'failed' ? ' (titles and headings only: the lecture text could not load)' : '';
  const status = !open
    ? ''
    : total === 0
      ? `No results${scope}.`
      : `${total} ${total === 1 ? 'result' : 'results'}${total > hits.length ? `, showing the best ${hits.length}` : ''}${scope}.`;

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
        onFocus={loadText}
        onChange={(event) => {
          loadText();
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {open ? (
        <ul id={listId} role="listbox" className="search__results" aria-label="Search results">
          {hits.length === 0 ? (
            <li className="search__empty" role="option" aria-selected={false} aria-disabled>
              No lecture or heading matches “{query}”, nor any demo or passage of the text
              {textIndex === 'loading' ? ' (still loading the text)' : ''}.
            </li>
          ) : (
            hits.map((hit, index) => (
              <SearchResultItem
                key={`${hit.kind}:${hit.to}`}
                id={`${listId}-${index}`}
                hit={hit}
                active={index === active}
                onChoose={() => go(hit.to)}
              />
            ))
          )}
          {textIndex === 'failed' ? (
            <li className="search__note" role="option" aria-selected={false} aria-disabled>
              Searching titles and headings only: the lecture text could not be loaded.
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

function SearchResultItem({ id, hit, active, onChoose }: { id: string; hit: SearchHit; active: boolean; onChoose: () => void }) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'search__hit search__hit--active' : 'search__hit'}
      onMouseDown={(event) => {
        event.preventDefault();
        onChoose();
      }}
    >
      <span className="search__label">{hit.label}</span>
      {hit.snippet ? (
        <span className="search__snippet">
          {hit.snippet.before}
          <mark>{hit.snippet.match}</mark>
          {hit.snippet.after}
        </span>
      ) : null}
      <span className="search__where">{hit.lecture}</span>
    </li>
  );
}
