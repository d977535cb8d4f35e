// A one-field form for naming something (a collection, a spin, a person); shows the
// engine's reason when it refuses (a name taken, a query that does not parse).
import { useState, type FormEvent } from 'react';

interface NameFormProps {
  label: string;
  submit: string;
  /** The name already given, to edit. */
  initial?: string;
  /** An empty field is sent as '' (clearing the name) rather than refused. */
  optional?: boolean;
  placeholder?: string;
  maxLength?: number;
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}

export function NameForm({
  label,
  submit,
  initial = '',
  optional = false,
  placeholder,
  maxLength,
  onSubmit,
  onCancel,
}: NameFormProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '' && !optional) return setError('Give it a name.');
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
        placeholder={placeholder}
        maxLength={maxLength}
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
