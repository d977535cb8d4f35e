// Edits the override of one asset for one preset (or all): unset fields follow the preset.
import { useState, type FormEvent } from 'react';
import type { RenditionOverride } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { CheckField, NumberField, SelectField, TextField } from './form-fields';
import { cropOptions, fitOptions } from './options';
import { draftOfOverride, overrideArgs, type OverrideDraft } from './override-form';

const AS_PRESET = { value: '' as const, label: 'As the preset says' };
const TRIM_OPTIONS = [
  AS_PRESET,
  { value: 'on' as const, label: 'Trim margins' },
  { value: 'off' as const, label: 'Do not trim' },
];

interface OverrideFormProps {
  assetId: number;
  presetId: string | null;
  current: RenditionOverride | undefined;
}

export function OverrideForm({ assetId, presetId, current }: OverrideFormProps) {
  const { stores } = useServices();
  const [draft, setDraft] = useState<OverrideDraft>(() => draftOfOverride(current));
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof OverrideDraft>(key: K, value: OverrideDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setMessage(null);
  };

  const act = async (work: () => Promise<void>, done: string): Promise<void> => {
    try {
      await work();
      setMessage(done);
    } catch (cause) {
      setMessage(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = overrideArgs(assetId, presetId, draft);
    if (!checked.ok) {
      setMessage(checked.problem);
      return;
    }
    void act(() => stores.renditions.getState().setOverride(checked.args), 'Override saved.');
  };

  const clear = (): void => {
    void act(async () => {
      await stores.renditions.getState().clearOverride(assetId, presetId);
      setDraft(draftOfOverride(undefined));
    }, 'Override removed.');
  };

  return (
    <form className="override-form" aria-label="Override" onSubmit={save}>
      <SelectField
        label="Fit"
        value={draft.fit}
        options={[AS_PRESET, ...fitOptions]}
        onChange={(v) => set('fit', v)}
        testId="override-fit"
      />
      <SelectField
        label="Crop"
        value={draft.crop}
        options={[AS_PRESET, ...cropOptions]}
        onChange={(v) => set('crop', v)}
      />
      <SelectField
        label="Trim"
        value={draft.trim}
        options={TRIM_OPTIONS}
        onChange={(v) => set('trim', v)}
      />
      <TextField
        label="Background"
        value={draft.background}
        onChange={(v) => set('background', v)}
        placeholder="As the preset says"
      />
      <NumberField
        label="Quality"
        value={draft.quality}
        onChange={(v) => set('quality', v)}
        testId="override-quality"
      />
      <CheckField
        label="Leave this image out"
        checked={draft.exclude}
        onChange={(v) => set('exclude', v)}
        testId="override-exclude"
      />
      <div className="export-actions">
        <button type="submit" className="primary" data-testid="override-save">
          Save override
        </button>
        {current !== undefined && (
          <button type="button" data-testid="override-clear" onClick={clear}>
            Remove override
          </button>
        )}
      </div>
      {message !== null && (
        <p className="form-hint" role="status" data-testid="override-message">
          {message}
        </p>
      )}
    </form>
  );
}
