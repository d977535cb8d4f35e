// Which channels a pack is for: a preset each, or a whole channel (all its presets).
import type { ChannelPreset } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { usePackSelection, usePresets } from '../../store-hooks';
import { CheckField } from './form-fields';

export function ChannelPicker() {
  const { stores } = useServices();
  const presets = usePresets((s) => s.presets);
  const chosen = usePackSelection((s) => s.channels);
  const toggle = (id: string) => stores.packSelection.getState().toggle(id);

  return (
    <fieldset className="channel-picker" data-testid="channel-picker">
      <legend>Channels</legend>
      {presets.length === 0 && <p className="dim">No presets to export with.</p>}
      {byChannel(presets).map(([channel, members]) => {
        // A whole channel chosen covers its presets (a one-preset channel has no such box).
        const whole = members.length > 1 && chosen.includes(channel);
        return (
          <div key={channel} className="channel-group">
            {members.length > 1 && (
              <CheckField
                label={`All of ${channel} (${members.length} presets)`}
                checked={chosen.includes(channel)}
                onChange={() => toggle(channel)}
                testId={`channel-${channel}`}
              />
            )}
            {members.map((preset) => (
              <CheckField
                key={preset.id}
                label={preset.name}
                checked={whole || chosen.includes(preset.id)}
                disabled={whole}
                onChange={() => toggle(preset.id)}
                testId={`channel-preset-${preset.id}`}
              />
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A static headless preset stands alone: the engine picks it by its id, never by channel. */
function byChannel(presets: readonly ChannelPreset[]): [string, ChannelPreset[]][] {
  const groups = new Map<string, ChannelPreset[]>();
  for (const preset of presets) {
    const key = preset.headless ? preset.id : preset.channel;
    const group = groups.get(key) ?? [];
    group.push(preset);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
