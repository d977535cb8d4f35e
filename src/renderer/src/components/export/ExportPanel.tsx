// Export: the pack's selection and options, then the run's progress, then its summary.
import { useServices } from '../../app-context';
import { useExportJob } from '../../store-hooks';
import { ExportForm } from './ExportForm';
import { ExportProgressView } from './ExportProgressView';
import { ExportSummaryView } from './ExportSummaryView';
import { PackSelectionFields } from './PackSelectionFields';

export function ExportPanel() {
  const { stores } = useServices();
  const phase = useExportJob((s) => s.phase);
  const progress = useExportJob((s) => s.progress);
  const summary = useExportJob((s) => s.summary);
  const error = useExportJob((s) => s.error);

  switch (phase) {
    case 'idle':
    case 'starting':
      return (
        <section className="export-section" aria-label="Export">
          <PackSelectionFields />
          <ExportForm />
        </section>
      );
    case 'running':
    case 'cancelling':
      return <ExportProgressView progress={progress} />;
    case 'ended':
      return (
        <section className="export-section" aria-label="Export">
          {summary !== null && <ExportSummaryView summary={summary} />}
          {error !== null && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            data-testid="export-again"
            onClick={() => stores.exportJob.getState().reset()}
          >
            New export
          </button>
        </section>
      );
  }
}
