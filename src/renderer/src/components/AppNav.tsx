// The window's top-level views: the media library, and channel-pack export.
export type AppView = 'library' | 'export';

const VIEWS: readonly { id: AppView; label: string }[] = [
  { id: 'library', label: 'Library' },
  { id: 'export', label: 'Export' },
];

export function AppNav({ view, onChange }: { view: AppView; onChange: (v: AppView) => void }) {
  return (
    <nav className="app-nav" aria-label="Views">
      <div className="segmented">
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="segment"
            data-testid={`nav-${id}`}
            aria-pressed={view === id}
            onClick={() => onChange(id)}
          >
            {label}
          </button>
        ))}
      </div>
    </nav>
  );
}
