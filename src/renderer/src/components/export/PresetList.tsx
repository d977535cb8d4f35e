// Every preset, by name: built-in ones marked (and whether the user edited them), with the
// source of their rules, the date it was checked, and the version.
import type { ChannelPreset } from '../../../../shared/export-dto';

interface PresetListProps {
  presets: readonly ChannelPreset[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function PresetList({ presets, selectedId, onSelect }: PresetListProps) {
  if (presets.length === 0) return <p className="dim">No presets yet.</p>;
  return (
    <ul className="preset-list" aria-label="Presets" data-testid="preset-list">
      {presets.map((preset) => (
        <li key={preset.id}>
          <button
            type="button"
            className="preset-item"
            data-testid="preset-item"
            data-preset-id={preset.id}
            aria-current={preset.id === selectedId}
            onClick={() => onSelect(preset.id)}
          >
            <span className="preset-item-name">{preset.name}</span>
            <span className="preset-item-meta">
              <PresetBadge preset={preset} /> {preset.channel} · v{preset.version}
            </span>
            <span className="preset-item-source dim">
              {preset.source.title === '' ? 'No source' : preset.source.title} · checked{' '}
              {preset.source.checked}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function PresetBadge({ preset }: { preset: ChannelPreset }) {
  if (!preset.builtIn) return <span className="badge">Yours</span>;
  return (
    <span className="badge is-builtin" data-testid="preset-builtin">
      {preset.modified ? 'Built-in, edited' : 'Built-in'}
    </span>
  );
}
