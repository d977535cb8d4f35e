// Pre-flight: checks every product × channel × image against the channel's rules, and
// shows what would pass, warn or fail before anything is written.
import { useServices } from '../../app-context';
import { usePackSelection, usePreflight } from '../../store-hooks';
import { EngineError } from './EngineError';
import { PackSelectionFields } from './PackSelectionFields';
import { PreflightReportView } from './PreflightReportView';

export function PreflightPanel() {
  const { stores } = useServices();
  const status = usePreflight((s) => s.status);
  const error = usePreflight((s) => s.error);
  const report = usePreflight((s) => s.report);
  const channels = usePackSelection((s) => s.channels);

  const run = () => void stores.preflight.getState().run(stores.packSelection.getState());

  return (
    <section className="export-section" aria-label="Pre-flight">
      <PackSelectionFields />
      <div className="export-actions">
        <button
          type="button"
          className="primary"
          data-testid="preflight-run"
          disabled={status === 'running' || channels.length === 0}
          onClick={run}
        >
          {status === 'running' ? 'Checking…' : 'Run pre-flight'}
        </button>
      </div>
      {error !== null && <EngineError message={error} testId="preflight-error" />}
      {report !== null && <PreflightReportView report={report} />}
    </section>
  );
}
