// "Save as CSV…": the engine writes the takedown list to a file on the machine it runs on
// (takedowns.writeCsv; never over an existing file unless the user says replace). The path
// is typed, or its folder picked where the host has a picker (the desktop app). A browser
// may be on another machine than the engine, so there the CSV can also be downloaded.
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app-context';
import { TextField } from '../export/form-fields';
import { download as downloadText, localDay } from '../preview/rights/audit-export';

/** `folder` + the default file name, with the folder's own separator. */
export function csvPathIn(folder: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const base = folder.endsWith(sep) ? folder : folder + sep;
  return `${base}takedown-${localDay()}.csv`;
}

type Outcome =
  | { kind: 'saved'; path: string; rows: number }
  | { kind: 'exists'; path: string }
  | { kind: 'failed'; message: string };

export function TakedownCsv({ days }: { days: number }) {
  const { client } = useServices();
  const [path, setPath] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const write = async (target: string, force: boolean): Promise<void> => {
    setBusy(true);
    try {
      const done = await client.call('takedowns.writeCsv', { days, path: target, force });
      setOutcome({ kind: 'saved', ...done });
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      const message = cause instanceof Error ? cause.message : String(cause);
      setOutcome(
        code === 'conflict' ? { kind: 'exists', path: target } : { kind: 'failed', message },
      );
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent): void => {
    e.preventDefault();
    if (path.trim() === '') {
      setOutcome({ kind: 'failed', message: 'Say where to save the CSV.' });
      return;
    }
    void write(path.trim(), false);
  };

  const choose = async (): Promise<void> => {
    const folder = await client.pickFolder().catch(() => null);
    if (folder === null) return;
    const target = csvPathIn(folder);
    setPath(target);
    await write(target, false);
  };

  const download = async (): Promise<void> => {
    try {
      const { csv } = await client.call('takedowns.csv', { days });
      downloadText(`takedown-${localDay()}.csv`, csv, 'text/csv');
    } catch (cause) {
      setOutcome({
        kind: 'failed',
        message: cause instanceof Error ? cause.message : String(cause),
      });
    }
  };

  return (
    <form className="takedown-csv" aria-label="Save the takedown list as CSV" onSubmit={save}>
      <TextField
        label="Save as CSV to"
        value={path}
        placeholder="/path/to/takedown.csv"
        hint="A file on the machine running Packshot"
        onChange={setPath}
        testId="takedown-path"
      />
      <div className="form-actions">
        {client.canPickFolder && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void choose()}
            data-testid="takedown-choose"
          >
            Save as CSV…
          </button>
        )}
        <button type="submit" disabled={busy} data-testid="takedown-save">
          Save
        </button>
        {!client.canPickFolder && (
          <button type="button" onClick={() => void download()} data-testid="takedown-download">
            Download CSV
          </button>
        )}
      </div>
      {outcome?.kind === 'saved' && (
        <p role="status" data-testid="takedown-saved">
          Saved {outcome.rows} row{outcome.rows === 1 ? '' : 's'} to {outcome.path}
        </p>
      )}
      {outcome?.kind === 'exists' && (
        <p className="form-error" role="alert" data-testid="takedown-exists">
          {outcome.path} already exists.{' '}
          <button
            type="button"
            onClick={() => void write(outcome.path, true)}
            data-testid="takedown-replace"
          >
            Replace it
          </button>
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="takedown-failed">
          {outcome.message}
        </p>
      )}
    </form>
  );
}
