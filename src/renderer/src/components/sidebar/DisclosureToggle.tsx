// The small ▸/▾ button that opens and closes a catalog or folder in the tree.
interface DisclosureToggleProps {
  expanded: boolean;
  /** What it opens, for screen readers: "Show folders in <label>". */
  label: string;
  onToggle: () => void;
}

export function DisclosureToggle({ expanded, label, onToggle }: DisclosureToggleProps) {
  return (
    <button
      type="button"
      className="disclosure"
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Hide' : 'Show'} folders in ${label}`}
      onClick={onToggle}
    >
      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
    </button>
  );
}
