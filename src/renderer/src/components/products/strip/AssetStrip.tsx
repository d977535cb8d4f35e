// Media to link, beside the board: search, pick one or several (click toggles), then drag
// them onto a slot, or link them with the buttons below (the keyboard way).
import { useId, useState, type DragEvent } from 'react';
import type { Asset } from '../../../../../shared/dto';
import { MEDIA_ROLES, type MediaRole } from '../../../../../shared/product-dto';
import { dragIdsFor, writeAssetDrag } from '../../../dnd/asset-drag';
import { applyDrop } from '../../../dnd/product-drop';
import { useDropActions } from '../../../dnd/use-drop-actions';
import { formatCount } from '../../../format/count';
import { useProducts } from '../../../store-hooks';
import { LinkThumb } from '../board/LinkThumb';
import { ROLE_LABELS } from '../board/role-labels';
import { useAssetSearch } from './use-asset-search';

export function AssetStrip() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [unlinkedOnly, setUnlinkedOnly] = useState(true);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const { items, total } = useAssetSearch(query, unlinkedOnly);
  const visible = new Set(items.map((a) => a.id));
  const selected = picked.filter((p) => visible.has(p));

  const toggle = (assetId: number) =>
    setPicked((p) => (p.includes(assetId) ? p.filter((x) => x !== assetId) : [...p, assetId]));

  return (
    <aside className="asset-strip" aria-label="Media to link">
      <h2 className="sidebar-heading">Media</h2>
      <label className="visually-hidden" htmlFor={`${id}-q`}>
        Search media
      </label>
      <input
        id={`${id}-q`}
        type="search"
        data-testid="strip-search"
        placeholder="Search media"
        value={query}
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={unlinkedOnly}
          onChange={(e) => setUnlinkedOnly(e.target.checked)}
        />
        Not linked to a product yet
      </label>
      <ul className="asset-strip-tiles" data-testid="asset-strip" aria-label="Media">
        {items.map((asset) => (
          <StripTile
            key={asset.id}
            asset={asset}
            selected={selected.includes(asset.id)}
            selection={selected}
            onToggle={toggle}
          />
        ))}
      </ul>
      <p className="dim">
        {total === null
          ? 'Loading…'
          : total > items.length
            ? `${formatCount(items.length)} of ${formatCount(total)}: search to narrow`
            : `${formatCount(total)} ${total === 1 ? 'file' : 'files'}`}
      </p>
      <LinkPicked ids={selected} onDone={() => setPicked([])} />
    </aside>
  );
}

function StripTile({
  asset,
  selected,
  selection,
  onToggle,
}: {
  asset: Asset;
  selected: boolean;
  selection: readonly number[];
  onToggle: (id: number) => void;
}) {
  const onDragStart = (event: DragEvent<HTMLLIElement>): void => {
    const ids = dragIdsFor(asset.id, selection);
    writeAssetDrag(event.dataTransfer, ids, ids.length === 1 ? asset.name : `${ids.length} files`);
  };
  return (
    <li
      className={`strip-tile${selected ? ' is-selected' : ''}`}
      data-testid="strip-tile"
      data-asset-id={asset.id}
      data-name={asset.name}
      draggable
      onDragStart={onDragStart}
    >
      <button
        type="button"
        className="strip-tile-button"
        aria-pressed={selected}
        title={asset.relPath}
        onClick={() => onToggle(asset.id)}
      >
        <LinkThumb
          link={{
            thumb: asset.thumb,
            hash: asset.hash,
            placeholder: asset.placeholder,
            name: asset.name,
            state: asset.state,
          }}
        />
        <span className="strip-tile-name">{asset.name}</span>
      </button>
    </li>
  );
}

/** Links the picked media to the product on the board, in a chosen role: no mouse needed. */
function LinkPicked({ ids, onDone }: { ids: readonly number[]; onDone: () => void }) {
  const actions = useDropActions();
  const productId = useProducts((s) => s.selectedId);
  const [role, setRole] = useState<MediaRole>('gallery');
  const id = useId();
  if (productId === null || ids.length === 0) return null;
  const link = async (): Promise<void> => {
    // Exactly what dropping them on the slot does.
    await applyDrop({ kind: 'assets', ids: [...ids] }, { productId, role }, actions);
    onDone();
  };
  return (
    <div className="link-picked">
      <label htmlFor={`${id}-role`}>Link {ids.length} as</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as MediaRole)}>
        {MEDIA_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        data-testid="strip-link"
        onClick={() => void link()}
      >
        Link
      </button>
    </div>
  );
}
