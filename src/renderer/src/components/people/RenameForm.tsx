// Names a person, or clears the name (an empty field): Enter saves, Escape cancels; the
// engine's refusal shows beside the field.
import { useState, type FormEvent } from 'react';

interface Props {
  label: string;
  initial: string;
  onSubmit: (name: string | null) => Promise<void>;
  onCancel: () => void;
}

export function RenameForm({ label, initial, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit(name.trim() === '' ? null : name.trim());
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  };
  return (
    <form className="name-form" aria-label={label} onSubmit={(e) => void send(e)}>
      <input
        type="text"
        aria-label={label}
        value={name}
        maxLength={200}
        placeholder="No name"
        autoFocus
        disabled={busy}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="primary" disabled={busy}>
        Save
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
