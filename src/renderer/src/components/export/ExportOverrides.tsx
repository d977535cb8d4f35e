// The preview panel's "Export" section for one asset: its focal point, and overrides of
// how it is rendered, for one preset or for all. Loads when opened.
import { useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { usePresets, useRenditions } from '../../store-hooks';
import { OverrideForm } from './OverrideForm';
import { describeOverride } from './override-form';

export function ExportOverrides({ asset }: { asset: Asset }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="preview-section export-overrides"
      data-testid="export-overrides"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="preview-heading">Export</summary>
      {open && <OverridesBody asset={asset} />}
    </details>
  );
}

function OverridesBody({ asset }: { asset: Asset }) {
  const { stores } = useServices();
  const entry = useRenditions((s) => s.entries.get(asset.id));
  const presets = usePresets((s) => s.presets);
  const [presetId, setPresetId] = useState<string | null>(null);

  useEffect(() => {
    void stores.presets.getState().ensure();
    void stores.renditions.getState().ensure(asset.id);
  }, [stores, asset.id]);

  if (entry === undefined || entry.status === 'loading') return <p className="dim">Loading…</p>;
  if (entry.status === 'error') return <p className="form-error">Could not load its settings.</p>;
  const { focus, overrides } = entry;
  const nameOf = (id: string | null) =>
    id === null ? 'All presets' : (presets.find((p) => p.id === id)?.name ?? id);

  return (
    <>
      <p data-testid="override-focus">
        Focal point:{' '}
        {focus === null
          ? 'none (set it in the loupe)'
          : `${Math.round(focus.x * 100)} %, ${Math.round(focus.y * 100)} %`}
      </p>
      {overrides.length > 0 && (
        <ul className="override-list" data-testid="override-list">
          {overrides.map((o) => (
            <li key={o.presetId ?? ''}>
              <strong>{nameOf(o.presetId)}</strong>: {describeOverride(o)}
            </li>
          ))}
        </ul>
      )}
      <label className="form-field">
        <span>Override for</span>
        <select
          data-testid="override-preset"
          value={presetId ?? ''}
          onChange={(e) => setPresetId(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">All presets</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <OverrideForm
        key={presetId ?? ''}
        assetId={asset.id}
        presetId={presetId}
        current={overrides.find((o) => o.presetId === presetId)}
      />
    </>
  );
}
