// Picks a recorded release (the Rights view records them) to link to every photo of a
// person, now and as more of their photos are analysed.
import { useState, type FormEvent } from 'react';
import type { Release } from '../../../../shared/rights-dto';

export function releaseLabel(r: Release): string {
  return `${r.kind} release${r.subject !== null ? `: ${r.subject}` : ` #${r.id}`} (signed ${r.signedOn})`;
}

interface Props {
  person: string;
  /** The releases not yet attached to the person. */
  releases: readonly Release[];
  onAttach: (releaseId: number) => Promise<void>;
  onCancel: () => void;
}

export function AttachReleaseForm({ person, releases, onAttach, onCancel }: Props) {
  const [choice, setChoice] = useState<number | null>(releases[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `Release for ${person}`;
  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (choice === null) return;
    setBusy(true);
    try {
      await onAttach(choice);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  };
  if (releases.length === 0)
    return (
      <div className="face-group-attach" role="group" aria-label={label}>
        <p className="dim">No release to attach: record one in Rights first.</p>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  return (
    <form className="face-group-attach" aria-label={label} onSubmit={(e) => void send(e)}>
      <select
        aria-label={label}
        value={choice ?? ''}
        disabled={busy}
        onChange={(e) => setChoice(Number(e.target.value))}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        {releases.map((r) => (
          <option key={r.id} value={r.id}>
            {releaseLabel(r)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy}>
        Attach
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
