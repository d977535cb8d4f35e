// Where and how to write the pack: the folder (typed, or picked where the host has a
// picker), what to do with images that fail pre-flight, the CSV's base URL, and dry run.
import { useState, type FormEvent } from 'react';
import type { FailurePolicy } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import type { ExportOptions } from '../../store/export-job-store';
import { useExportJob, usePackSelection } from '../../store-hooks';
import { EngineError } from './EngineError';
import { CheckField, SelectField, TextField } from './form-fields';

const FAILURE_OPTIONS: readonly { value: FailurePolicy; label: string }[] = [
  { value: 'skip', label: 'Leave them out' },
  { value: 'warn', label: 'Export them with a warning' },
];

const DEFAULT_OPTIONS: ExportOptions = { out: '', failures: 'skip', dryRun: false, baseUrl: '' };

export function ExportForm() {
  const { client, stores } = useServices();
  const phase = useExportJob((s) => s.phase);
  const error = useExportJob((s) => s.error);
  const channels = usePackSelection((s) => s.channels);
  const [options, setOptions] = useState<ExportOptions>(
    () => stores.exportJob.getState().lastOptions ?? DEFAULT_OPTIONS,
  );
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) =>
    setOptions((o) => ({ ...o, [key]: value }));

  const browse = async (): Promise<void> => {
    const picked = await client.pickFolder().catch(() => null);
    if (picked !== null) set('out', picked);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void stores.exportJob.getState().start(stores.packSelection.getState(), options);
  };

  return (
    <form className="export-form" aria-label="Export options" onSubmit={submit}>
      <div className="export-out-row">
        <TextField
          label="Output folder"
          value={options.out}
          onChange={(v) => set('out', v)}
          placeholder="/path/to/packs/spring-2026"
          hint="Created if missing; a later export into it updates only what changed"
          testId="export-out"
        />
        {client.canPickFolder && (
          <button type="button" className="secondary" onClick={() => void browse()}>
            Browse…
          </button>
        )}
      </div>
      <SelectField
        label="Images that fail pre-flight"
        value={options.failures}
        options={FAILURE_OPTIONS}
        onChange={(v) => set('failures', v)}
        testId="export-failures"
      />
      <TextField
        label="Base URL for the Shopify CSV"
        value={options.baseUrl}
        onChange={(v) => set('baseUrl', v)}
        placeholder="https://cdn.example.com/packs/spring-2026/"
        hint="Prefix of 'Image Src'; empty: the file's path in the pack"
        testId="export-base-url"
      />
      <CheckField
        label="Dry run (plan only, write nothing)"
        checked={options.dryRun}
        onChange={(v) => set('dryRun', v)}
        testId="export-dry-run"
      />
      <div className="export-actions">
        <button
          type="submit"
          className="primary"
          data-testid="export-start"
          disabled={phase === 'starting' || channels.length === 0}
        >
          {phase === 'starting' ? 'Starting…' : options.dryRun ? 'Start dry run' : 'Export'}
        </button>
      </div>
      {error !== null && <EngineError message={error} testId="export-error" />}
    </form>
  );
}
