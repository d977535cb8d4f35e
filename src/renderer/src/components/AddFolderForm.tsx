// Adds a catalog folder: a path field (works everywhere) and, where the host has one, the
// native folder picker. Shows the engine's reason inline when the folder is refused.
import { useState, type FormEvent } from 'react';
import { useServices } from '../app-context';

interface AddFolderFormProps {
  /** 'welcome' is the large first-run form; 'sidebar' the compact one. */
  variant: 'welcome' | 'sidebar';
}

export function AddFolderForm({ variant }: AddFolderFormProps) {
  const { client, stores } = useServices();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (folder: string): Promise<void> => {
    if (folder.trim() === '') {
      setError('Enter the path of a folder, e.g. /home/you/Pictures/shoot-2026.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const catalog = await stores.catalogs.getState().add(folder);
      setPath('');
      stores.assets.getState().setView({ catalogId: catalog.id });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void add(path);
  };

  const browse = async (): Promise<void> => {
    try {
      const picked = await client.pickFolder();
      if (picked === null) return;
      setPath(picked);
      await add(picked);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const errorId = `add-folder-error-${variant}`;
  return (
    <form className={`add-folder is-${variant}`} onSubmit={onSubmit} aria-label="Add a folder">
      <label className="add-folder-label" htmlFor={`add-folder-path-${variant}`}>
        {variant === 'welcome' ? 'Folder with your product media' : 'Add another folder'}
      </label>
      <div className="add-folder-row">
        <input
          id={`add-folder-path-${variant}`}
          data-testid="catalog-path-input"
          type="text"
          value={path}
          placeholder="/path/to/your/photos"
          spellCheck={false}
          autoComplete="off"
          disabled={busy}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setPath(e.target.value)}
        />
        {client.canPickFolder && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void browse()}>
            Browse…
          </button>
        )}
        <button type="submit" className="primary" data-testid="catalog-add-button" disabled={busy}>
          {busy ? 'Adding…' : 'Add folder'}
        </button>
      </div>
      {error !== null && (
        <p id={errorId} className="form-error" role="alert" data-testid="catalog-add-error">
          {error}
        </p>
      )}
    </form>
  );
}
