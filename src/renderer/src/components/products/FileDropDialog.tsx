// Files dropped from the OS on a product (desktop app): asks which catalog folder they are
// copied into (Packshot never links files from outside its catalogs), remembers the answer,
// then copies, indexes and links them in one step.
import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { readDropTarget, writeDropTarget } from '../../store/drop-target-pref';
import { browserStorage } from '../../store/prefs-store';
import type { PendingFiles } from '../../store/products-store';
import { useCatalogs, useProducts } from '../../store-hooks';
import { ROLE_LABELS } from './board/role-labels';

export function FileDropDialog() {
  const pending = useProducts((s) => s.pendingFiles);
  if (pending === null) return null;
  return <DropForm pending={pending} />;
}

function DropForm({ pending }: { pending: PendingFiles }) {
  const { stores } = useServices();
  const id = useId();
  const catalogs = useCatalogs((s) => s.catalogs);
  const [remembered] = useState(() => readDropTarget(browserStorage()));
  const [catalogId, setCatalogId] = useState<number | null>(
    catalogs.find((c) => c.id === remembered?.catalogId)?.id ?? catalogs[0]?.id ?? null,
  );
  const [folder, setFolder] = useState(remembered?.folder ?? '');
  const count = pending.paths.length;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (catalogId === null) return;
    const target = { catalogId, folder: folder.trim().replace(/^\/+|\/+$/g, '') };
    writeDropTarget(browserStorage(), target);
    void stores.products.getState().dropFiles(target.catalogId, target.folder);
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') stores.products.getState().closeFiles();
        }}
      >
        <h2 id={`${id}-title`}>
          Add {formatCount(count)} {count === 1 ? 'file' : 'files'} as {ROLE_LABELS[pending.role]}
        </h2>
        <p className="dim">
          They are copied into a catalog folder, then linked. The originals stay.
        </p>
        <div className="form-field">
          <label htmlFor={`${id}-catalog`}>Catalog</label>
          <select
            id={`${id}-catalog`}
            // The dialog opens on a drop: the keyboard starts in it.
            autoFocus
            value={catalogId ?? ''}
            onChange={(e) => setCatalogId(Number(e.target.value))}
          >
            {catalogs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-folder`}>Folder in the catalog</label>
          <input
            id={`${id}-folder`}
            type="text"
            value={folder}
            placeholder="(the catalog's own folder)"
            spellCheck={false}
            onChange={(e) => setFolder(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => stores.products.getState().closeFiles()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={catalogId === null}>
            Copy and link
          </button>
        </div>
      </form>
    </div>
  );
}
