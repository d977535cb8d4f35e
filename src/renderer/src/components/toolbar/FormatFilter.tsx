// Narrows the grid to some formats: a drop-down of checkboxes. Nothing checked means every
// format.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app-context';
import { formatImageFormat } from '../../format/media';
import { useAssets } from '../../store-hooks';
import { formatOptions } from './format-options';

export function FormatFilter() {
  const { stores } = useServices();
  const selected = useAssets((s) => s.view.formats);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDetailsElement>(null);

  // A drop-down closes when the user clicks elsewhere or presses Escape.
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && root.current?.contains(event.target) !== true)
        setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const setFormats = (formats: readonly string[]): void =>
    stores.assets.getState().setView({ formats });
  const toggle = (format: string, on: boolean): void =>
    setFormats(on ? [...selected, format] : selected.filter((f) => f !== format));

  return (
    <details
      ref={root}
      className="format-filter"
      data-testid="format-filter"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary aria-label={`Format: ${summaryText(selected)}`}>
        Format: <strong>{summaryText(selected)}</strong>
      </summary>
      {open && (
        <FormatOptions selected={selected} onToggle={toggle} onClear={() => setFormats([])} />
      )}
    </details>
  );
}

function FormatOptions({
  selected,
  onToggle,
  onClear,
}: {
  selected: readonly string[];
  onToggle: (format: string, on: boolean) => void;
  onClear: () => void;
}) {
  const pages = useAssets((s) => s.pages);
  const options = useMemo(() => formatOptions(pages, selected), [pages, selected]);
  return (
    <div className="format-popover" role="group" aria-label="Formats">
      <div className="format-options">
        {options.map((format) => (
          <label key={format} className="format-option">
            <input
              type="checkbox"
              value={format}
              checked={selected.includes(format)}
              onChange={(e) => onToggle(format, e.target.checked)}
            />
            {formatImageFormat(format)}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="secondary"
        disabled={selected.length === 0}
        onClick={onClear}
      >
        All formats
      </button>
    </div>
  );
}

function summaryText(selected: readonly string[]): string {
  if (selected.length === 0) return 'All';
  if (selected.length <= 3) return selected.map(formatImageFormat).join(', ');
  return `${selected.length} formats`;
}
