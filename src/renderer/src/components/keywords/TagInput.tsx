// A keyword input with autocomplete: matches any level of a path, case-insensitively, shows
// full paths with their counts, and offers to create the typed path when nothing matches.
// Up / Down move through the list, Enter picks, Escape closes (then clears).
import { useId, useState, type KeyboardEvent } from 'react';
import { useServices } from '../../app-context';
import { useTags } from '../../store-hooks';
import { formatKeywordPath } from '../../format/keywords';
import { suggest, type Suggestion } from './tag-match';

export interface TagInputProps {
  /** Called with the chosen path (an existing tag's, or the typed one to create). */
  onPick: (path: string) => void;
  disabled?: boolean;
  placeholder?: string;
}

export function TagInput({
  onPick,
  disabled = false,
  placeholder = 'Add keyword…',
}: TagInputProps) {
  const { stores } = useServices();
  const tags = useTags((s) => s.tags);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const suggestions = open ? suggest(tags, text) : [];
  const current = suggestions[Math.min(active, suggestions.length - 1)];

  const pick = (suggestion: Suggestion | undefined): void => {
    if (suggestion === undefined) return;
    onPick(suggestion.kind === 'tag' ? suggestion.tag.path : suggestion.path);
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        setOpen(true);
        setActive((i) => Math.min(i + 1, Math.max(suggestions.length - 1, 0)));
        break;
      case 'ArrowUp':
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        pick(current);
        break;
      case 'Escape':
        if (open && suggestions.length > 0) setOpen(false);
        else setText('');
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="tag-input">
      <input
        type="text"
        role="combobox"
        data-testid="tag-input"
        aria-label="Add a keyword to the selection"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={current !== undefined ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        onFocus={() => stores.tags.getState().ensureLoaded()}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul className="tag-suggestions" id={listId} role="listbox" data-testid="tag-suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.kind === 'tag' ? s.tag.id : `new:${s.path}`}
              id={`${listId}-${i}`}
              role="option"
              data-testid="tag-suggestion"
              data-path={s.kind === 'tag' ? s.tag.path : s.path}
              aria-selected={s === current}
              className={s === current ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {s.kind === 'tag' ? (
                <>
                  <span className="tag-suggestion-path">{formatKeywordPath(s.tag.path)}</span>
                  <span className="tag-count">{s.tag.count}</span>
                </>
              ) : (
                <span className="tag-suggestion-new">Create “{formatKeywordPath(s.path)}”</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
