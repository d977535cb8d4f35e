// A running export: renditions done of total, rate, time left, the file being written, and
// Cancel.
import type { ExportProgress } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { formatEta } from '../../format/duration';
import { useExportJob } from '../../store-hooks';

export function ExportProgressView({ progress }: { progress: ExportProgress | null }) {
  const { stores } = useServices();
  const phase = useExportJob((s) => s.phase);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <section className="export-progress" aria-label="Export progress" data-testid="export-progress">
      <progress
        className="export-meter"
        aria-label="Renditions done"
        max={Math.max(total, 1)}
        value={done}
      />
      <p className="export-progress-line" role="status">
        <span data-testid="export-done">
          {formatCount(done)} / {formatCount(total)}
        </span>
        {progress !== null && (
          <>
            <span data-testid="export-rate">{formatRendRate(progress.rate)}</span>
            <span data-testid="export-eta">{formatEta(progress.etaSeconds)} left</span>
          </>
        )}
      </p>
      {progress?.current != null && (
        <p className="export-current dim" data-testid="export-current" title={progress.current}>
          {progress.current}
        </p>
      )}
      <button
        type="button"
        data-testid="export-cancel"
        disabled={phase !== 'running'}
        onClick={() => void stores.exportJob.getState().cancel()}
      >
        {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
      </button>
    </section>
  );
}

/** "2.5 images/s": a rendition is an image written. */
function formatRendRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '— images/s';
  const shown = perSecond < 10 ? perSecond.toFixed(1) : formatCount(perSecond);
  return `${shown} images/s`;
}
