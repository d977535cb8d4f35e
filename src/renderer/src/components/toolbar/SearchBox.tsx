// The search box: the search language (tag:"Product|Shoes", flag:pick, rating>=3, NOT …),
// applied on Enter, cleared with Escape or ×. Shows the view's query, whoever set it (a
// click on a keyword sets one).
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AssetKind } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAssets } from '../../store-hooks';

/** Every value `kind:` takes, in the tooltip's order; a new AssetKind fails to compile here. */
const KINDS: Record<AssetKind, true> = {
  video: true,
  document: true,
  model: true,
  spin: true,
  image: true,
  raw: true,
  vector: true,
  other: true,
};

/** The search language in brief, as a tooltip (README "Command line" has it all). */
const SYNTAX = [
  'Words and "phrases" (names, titles, keywords, a document\'s text)',
  'tag:Shoes  format:png  camera:canon  taken:2026-05  folder:shoot  name:front',
  'flag:pick  label:red  color:white  rating>=4  width>=2000  size>5000000',
  `kind:${Object.keys(KINDS).join('|')}`,
  'duration>30 (seconds; 2m)  pages>10  fps>=50  codec:h264  audio:yes  triangles<100000',
  'text:"quick start" (in a document)  sku:AB-12  rights:expired  missing  dupes',
  'AI: ai:cup  ai:"wine glass"  ai:pending|none|analysed|error  people:yes|no  release:missing|ok  face:Ann',
  '~"red shoe on rocks" (by meaning, a model you bring)  like:123 (looks like asset 123)',
  'AND  OR  NOT or -term  ( )',
].join('\n');

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
        title={SYNTAX}
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
