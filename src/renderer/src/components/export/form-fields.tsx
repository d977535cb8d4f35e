// Labelled form controls for the export views: each shows its own problem, tied to the
// input by aria-describedby so a screen reader reads it with the field.
import { useId, useState, type ReactNode } from 'react';

interface FieldShell {
  label: string;
  error?: string | undefined;
  hint?: string;
  testId?: string;
}

function Field({
  id,
  label,
  error,
  hint,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`form-field${error !== undefined ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span className="form-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function described(id: string, error: string | undefined, hint: string | undefined) {
  const ids = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((v) => v !== null)
    .join(' ');
  return { 'aria-invalid': error !== undefined, 'aria-describedby': ids === '' ? undefined : ids };
}

export function TextField({
  value,
  onChange,
  placeholder,
  ...shell
}: FieldShell & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <Field id={id} {...shell}>
      <input
        id={id}
        type="text"
        data-testid={shell.testId}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        {...described(id, shell.error, shell.hint)}
      />
    </Field>
  );
}

/** A number or nothing: an empty field is null. Keeps what is typed while it is partial. */
export function NumberField({
  value,
  onChange,
  step,
  ...shell
}: FieldShell & { value: number | null; onChange: (v: number | null) => void; step?: number }) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const shown = parseNumber(text) === value ? text : value === null ? '' : String(value);
  return (
    <Field id={id} {...shell}>
      <input
        id={id}
        type="number"
        data-testid={shell.testId}
        step={step ?? 'any'}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseNumber(e.target.value));
        }}
        {...described(id, shell.error, shell.hint)}
      />
    </Field>
  );
}

function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...shell
}: FieldShell & {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <Field id={id} {...shell}>
      <select
        id={id}
        data-testid={shell.testId}
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked !== undefined) onChange(picked.value);
        }}
        {...described(id, shell.error, shell.hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="form-check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** Several checkboxes over a fixed list, as a labelled group; a newly ticked one goes last. */
export function CheckGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  error,
  testId,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (v: T[]) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`form-group${error !== undefined ? ' has-error' : ''}`}
      data-testid={testId}
      aria-describedby={error !== undefined ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <CheckField
          key={option}
          label={option}
          checked={selected.includes(option)}
          onChange={(on) =>
            onChange(on ? [...selected, option] : selected.filter((s) => s !== option))
          }
        />
      ))}
      {error !== undefined && (
        <span className="form-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
