// Asks where a keyword goes: "Move to…" (another keyword, or the top level) or
// "Merge into…" (another keyword). Modal: culling keys stay off while it is open.
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { Tag } from '../../../../shared/dto';
import { formatKeywordPath } from '../../format/keywords';

export interface TagPickerDialogProps {
  title: string;
  /** The tags it may go to, in the order to list them. */
  choices: readonly Tag[];
  /** Offer "Top level" (parent 0) first. */
  allowTop: boolean;
  confirmLabel: string;
  onConfirm: (id: number) => void;
  onClose: () => void;
}

export function TagPickerDialog({
  title,
  choices,
  allowTop,
  confirmLabel,
  onConfirm,
  onClose,
}: TagPickerDialogProps) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const first = allowTop ? 0 : (choices[0]?.id ?? -1);
  const [chosen, setChosen] = useState(first);
  useLayoutEffect(() => selectRef.current?.focus(), []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (chosen < 0) return;
    onConfirm(chosen);
    onClose();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="tag-picker"
        onSubmit={submit}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h3 className="dialog-title">{title}</h3>
        <select
          ref={selectRef}
          data-testid="tag-picker-select"
          value={chosen}
          onChange={(e) => setChosen(Number(e.target.value))}
        >
          {allowTop && <option value={0}>(Top level)</option>}
          {choices.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {formatKeywordPath(tag.path)}
            </option>
          ))}
        </select>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={chosen < 0}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
