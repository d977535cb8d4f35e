// Delete (a user's preset) or "Revert to built-in" (a user's edit of a shipped one), with
// an inline confirmation; nothing for an unedited built-in preset.
import type { ChannelPreset } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { ConfirmButton } from '../ConfirmButton';

interface PresetRemoveButtonProps {
  preset: ChannelPreset;
  disabled: boolean;
  /** true: the preset is gone; false: it went back to the built-in one. */
  onRemoved: (gone: boolean) => void;
}

export function PresetRemoveButton({ preset, disabled, onRemoved }: PresetRemoveButtonProps) {
  const { stores } = useServices();
  if (preset.builtIn && !preset.modified) return null;
  return (
    <ConfirmButton
      label={preset.builtIn ? 'Revert to built-in' : 'Delete'}
      question={preset.builtIn ? 'Drop your edits of this preset?' : `Delete “${preset.name}”?`}
      testId="preset-remove"
      disabled={disabled}
      onConfirm={async () => {
        await stores.presets.getState().remove(preset.id);
        onRemoved(!preset.builtIn);
      }}
    />
  );
}
