// The sidebar's collections: saved searches (they update themselves) and manual ones
// (kept in the order given), each with its count; choosing one shows it in the grid.
import { useState } from 'react';
import type { Collection } from '../../../../shared/collection-dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { useAssets, useCollections } from '../../store-hooks';
import { NameForm } from './NameForm';

export function CollectionsSection() {
  const { stores } = useServices();
  const collections = useCollections((s) => s.collections);
  const ordered = [
    ...collections.filter((c) => c.kind === 'smart'),
    ...collections.filter((c) => c.kind === 'manual'),
  ];
  const [creating, setCreating] = useState(false);
  return (
    <nav aria-label="Collections" data-testid="collections-section">
      <h2 className="sidebar-heading">Collections</h2>
      {ordered.length === 0 && (
        <p className="sidebar-hint">Save a search, or make a collection to order media by hand.</p>
      )}
      <ul className="catalog-list">
        {ordered.map((c) => (
          <CollectionEntry key={c.id} collection={c} />
        ))}
      </ul>
      {creating ? (
        <NameForm
          label="Name of the new collection"
          submit="Create"
          onCancel={() => setCreating(false)}
          onSubmit={async (name) => {
            const made = await stores.collections.getState().save(name);
            setCreating(false);
            stores.assets.getState().setView({ collection: { id: made.id, manual: true } });
          }}
        />
      ) : (
        <button type="button" className="sidebar-action" onClick={() => setCreating(true)}>
          New collection
        </button>
      )}
    </nav>
  );
}

function CollectionEntry({ collection }: { collection: Collection }) {
  const { stores } = useServices();
  const current = useAssets((s) => s.view.collection?.id === collection.id);
  const [confirming, setConfirming] = useState(false);
  const smart = collection.kind === 'smart';
  return (
    <li>
      <div className="catalog-row">
        <span className="collection-kind" aria-hidden="true">
          {smart ? '⌕' : '☰'}
        </span>
        <button
          type="button"
          className="catalog-item"
          data-testid="collection-item"
          data-collection-id={collection.id}
          aria-current={current ? 'true' : undefined}
          title={smart ? `Saved search: ${collection.query ?? ''}` : 'Collection (your order)'}
          onClick={() =>
            stores.assets.getState().setView({ collection: { id: collection.id, manual: !smart } })
          }
        >
          <span className="catalog-name">{collection.name}</span>
          <span className="catalog-count">{formatCount(collection.count)}</span>
        </button>
        <button
          type="button"
          className="collection-delete"
          aria-label={`Delete collection ${collection.name}`}
          onClick={() => setConfirming(true)}
        >
          ×
        </button>
      </div>
      {confirming && (
        <div className="collection-confirm" role="group" aria-label="Confirm delete">
          <span>Delete “{collection.name}”? Its media stay.</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              if (current) stores.assets.getState().setView({ catalogId: null });
              void stores.collections.getState().remove(collection.id);
            }}
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      )}
    </li>
  );
}
