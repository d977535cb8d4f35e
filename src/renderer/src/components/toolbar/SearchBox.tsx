// The search box: the search language (tag:"Product|Shoes", flag:pick, rating>=3, NOT …),
// applied on Enter, cleared with Escape or ×. Shows the view's query, whoever set it (a
// click on a keyword sets one).
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useServices } from '../../app-context';
import { useAssets } from '../../store-hooks';

export function SearchBox() {
  const query = useAssets((s) => s.view.query);
  // Keyed: a query set from elsewhere replaces what was being typed.
  return <SearchForm key={query} query={query} />;
}

function SearchForm({ query }: { query: string }) {
  const { stores } = useServices();
  const [text, setText] = useState(query);

  const apply = (value: string): void => stores.assets.getState().setView({ query: value });
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    apply(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Escape') return;
    setText('');
    apply('');
  };

  return (
    <form className="search-box" role="search" onSubmit={onSubmit}>
      <input
        type="search"
        data-testid="search-input"
        aria-label="Search"
        placeholder='Search: words, tag:"A|B", flag:pick, rating>=3'
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {query !== '' && (
        <button type="button" aria-label="Clear the search" onClick={() => apply('')}>
          ×
        </button>
      )}
    </form>
  );
}
