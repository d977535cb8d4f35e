// Presets: the list beside the editor of the one chosen.
import { useEffect, useState } from 'react';
import { useServices } from '../../app-context';
import { usePresets } from '../../store-hooks';
import { PresetEditor } from './PresetEditor';
import { PresetList } from './PresetList';

export function PresetsPanel() {
  const { stores } = useServices();
  const presets = usePresets((s) => s.presets);
  const status = usePresets((s) => s.status);
  const error = usePresets((s) => s.error);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A new editor after a copy, delete or revert, so its draft starts from the engine's preset.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void stores.presets.getState().ensure();
  }, [stores]);

  const selected = presets.find((p) => p.id === selectedId) ?? presets[0];
  const select = (id: string | null): void => {
    setSelectedId(id);
    setGeneration((g) => g + 1);
  };

  return (
    <div className="presets-panel">
      <nav className="presets-sidebar" aria-label="Channel presets">
        {status === 'loading' && <p className="dim">Loading presets…</p>}
        {status === 'error' && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <PresetList presets={presets} selectedId={selected?.id ?? null} onSelect={select} />
      </nav>
      {selected !== undefined && (
        <PresetEditor key={`${selected.id}#${generation}`} preset={selected} onSelect={select} />
      )}
    </div>
  );
}
