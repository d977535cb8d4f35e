// A one-field form for naming a collection; shows the engine's reason when it refuses
// (a name taken, a query that does not parse).
import { useState, type FormEvent } from 'react';

interface NameFormProps {
  label: string;
  submit: string;
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}

export function NameForm({ label, submit, onSubmit, onCancel }: NameFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return setError('Give it a name.');
    setBusy(true);
    try {
      await onSubmit(name.trim());
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="name-form" aria-label={label} onSubmit={(e) => void send(e)}>
      <input
        type="text"
        aria-label={label}
        value={name}
        autoFocus
        disabled={busy}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="primary" disabled={busy}>
        {submit}
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
