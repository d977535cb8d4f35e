// Delete (a user's preset) or "Revert to built-in" (a user's edit of a shipped one), with
// an inline confirmation; nothing for an unedited built-in preset.
import { useState } from 'react';
import type { ChannelPreset } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';

interface PresetRemoveButtonProps {
  preset: ChannelPreset;
  disabled: boolean;
  /** true: the preset is gone; false: it went back to the built-in one. */
  onRemoved: (gone: boolean) => void;
}

export function PresetRemoveButton({ preset, disabled, onRemoved }: PresetRemoveButtonProps) {
  const { stores } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (preset.builtIn && !preset.modified) return null;
  const label = preset.builtIn ? 'Revert to built-in' : 'Delete';

  const remove = async (): Promise<void> => {
    try {
      await stores.presets.getState().remove(preset.id);
      setConfirming(false);
      onRemoved(!preset.builtIn);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  if (!confirming)
    return (
      <button
        type="button"
        data-testid="preset-remove"
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="preset-confirm" role="group" aria-label="Confirm">
      <span>{preset.builtIn ? 'Drop your edits of this preset?' : `Delete “${preset.name}”?`}</span>
      <button
        type="button"
        className="danger"
        data-testid="preset-remove-confirm"
        onClick={() => void remove()}
      >
        {label}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {error !== null && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
