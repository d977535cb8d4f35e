// Toolbar actions for collections: save the current search, add the selection to a manual
// collection, and, inside a manual collection, move the selection up or down or take it out.
import { useState } from 'react';
import { useServices } from '../../app-context';
import { useAssets, useCollections, useSelection } from '../../store-hooks';
import { NameForm } from './NameForm';

export function CollectionActions() {
  return (
    <div className="collection-actions">
      <SaveSearchButton />
      <AddToCollection />
      <OrderActions />
    </div>
  );
}

export function SaveSearchButton() {
  const { stores } = useServices();
  const query = useAssets((s) => s.view.query.trim());
  const [naming, setNaming] = useState(false);
  if (naming)
    return (
      <NameForm
        label="Name of the saved search"
        submit="Save"
        onCancel={() => setNaming(false)}
        onSubmit={async (name) => {
          const saved = await stores.collections.getState().save(name, query);
          setNaming(false);
          stores.assets.getState().setView({ collection: { id: saved.id, manual: false } });
        }}
      />
    );
  return (
    <button
      type="button"
      disabled={query === ''}
      title={
        query === '' ? 'Type a search first' : `Save “${query}” as a collection that updates itself`
      }
      onClick={() => setNaming(true)}
    >
      Save search
    </button>
  );
}

function AddToCollection() {
  const { stores } = useServices();
  const selected = useSelection((s) => s.id);
  const collections = useCollections((s) => s.collections);
  const manual = collections.filter((c) => c.kind === 'manual');
  return (
    <select
      aria-label="Add selection to collection"
      value=""
      disabled={selected === null || manual.length === 0}
      onChange={(e) => {
        const id = Number(e.target.value);
        if (selected !== null && id > 0)
          void stores.collections.getState().addAssets(id, [selected]);
      }}
    >
      <option value="">Add to collection…</option>
      {manual.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** In a manual collection: the selection's list index is its position, unless filtered. */
function OrderActions() {
  const { stores } = useServices();
  const view = useAssets((s) => s.view);
  const total = useAssets((s) => s.total ?? 0);
  const { id, index } = useSelection((s) => s);
  const collection = view.collection;
  if (!collection?.manual) return null;
  const plain = view.filter === 'all' && view.formats.length === 0 && view.query.trim() === '';
  const ready = id !== null && index !== null;
  const move = (to: number): void => {
    if (id === null) return;
    void stores.collections
      .getState()
      .move(collection.id, id, to)
      .then(() => stores.selection.getState().select(to, id));
  };
  const why = plain ? undefined : 'Clear the filters to reorder';
  return (
    <>
      <button
        type="button"
        disabled={!ready || !plain || index === 0}
        title={why}
        onClick={() => index !== null && move(index - 1)}
      >
        Move up
      </button>
      <button
        type="button"
        disabled={!ready || !plain || index === total - 1}
        title={why}
        onClick={() => index !== null && move(index + 1)}
      >
        Move down
      </button>
      <button
        type="button"
        disabled={!ready}
        onClick={() => {
          if (id === null) return;
          stores.selection.getState().clear();
          void stores.collections.getState().removeAssets(collection.id, [id]);
        }}
      >
        Remove from collection
      </button>
    </>
  );
}
