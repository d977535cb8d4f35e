// Where and how the licence lets assets be used: territories (ISO 3166-1 alpha-2, included
// or excluded), the channels of the presets, media, and whether edits are allowed. Nothing
// ticked means "any", as the engine reads a null list.
import { useEffect, useMemo } from 'react';
import { MEDIA } from '../../../../shared/rights-dto';
import { useServices } from '../../app-context';
import { usePresets } from '../../store-hooks';
import { CheckField, CheckGroup, SelectField, TextField } from '../export/form-fields';
import type { Issues, LicenceDraft } from './licence-draft';

const modeOptions = [
  { value: '', label: 'Anywhere' },
  { value: 'include', label: 'Only in' },
  { value: 'exclude', label: 'Everywhere except' },
] as const;

interface Props {
  draft: LicenceDraft;
  issues: Issues;
  onChange: (next: LicenceDraft) => void;
}

export function LicenceScopeFields({ draft, issues, onChange }: Props) {
  const { stores } = useServices();
  const presets = usePresets((s) => s.presets);
  useEffect(() => {
    void stores.presets.getState().ensure();
  }, [stores]);
  // The presets' channel ids, and any the licence names that no preset uses (any more).
  const channels = useMemo(
    () => [...new Set([...presets.map((p) => p.channel), ...draft.channels])].sort(),
    [presets, draft.channels],
  );
  const set = <K extends keyof LicenceDraft>(key: K, value: LicenceDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <fieldset className="form-section">
      <legend>Use</legend>
      <div className="form-grid">
        <SelectField
          label="Territories"
          value={draft.territoriesMode}
          options={modeOptions}
          onChange={(v) => set('territoriesMode', v)}
          testId="licence-territoriesMode"
        />
        {draft.territoriesMode !== '' && (
          <TextField
            label="Territory codes"
            value={draft.territories}
            placeholder="DE, FR, GB"
            hint="ISO 3166 two-letter codes, separated by commas"
            onChange={(v) => set('territories', v)}
            error={issues.get('territories') ?? issues.get('territoriesMode')}
            testId="licence-territories"
          />
        )}
      </div>
      {channels.length > 0 ? (
        <CheckGroup
          legend="Channels allowed (none ticked: any)"
          options={channels}
          selected={draft.channels}
          onChange={(v) => set('channels', v)}
          error={issues.get('channels')}
          testId="licence-channels"
        />
      ) : (
        <p className="dim">No channel presets yet: the licence allows any channel.</p>
      )}
      <CheckGroup
        legend="Media allowed (none ticked: any)"
        options={MEDIA}
        selected={draft.media}
        onChange={(v) => set('media', v)}
        error={issues.get('media')}
        testId="licence-media"
      />
      <CheckField
        label="Modifications allowed"
        checked={draft.modificationsAllowed}
        onChange={(v) => set('modificationsAllowed', v)}
        testId="licence-modificationsAllowed"
      />
    </fieldset>
  );
}
