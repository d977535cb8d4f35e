// How an export ended: what was written, unchanged, removed, skipped, warned and failed,
// with each failure's reason, and where the manifest and CSVs are.
import type { ExportSummary } from '../../../../shared/export-dto';
import { formatBytes } from '../../format/bytes';
import { formatCount } from '../../format/count';

const ENDINGS: Record<ExportSummary['state'], string> = {
  running: 'Still running',
  done: 'Export finished',
  cancelled: 'Export cancelled',
  failed: 'Export failed',
};

export function ExportSummaryView({ summary }: { summary: ExportSummary }) {
  const rows: [string, number, string][] = [
    [summary.dryRun ? 'Would write' : 'Written', summary.rendered, 'rendered'],
    ['Unchanged', summary.unchanged, 'unchanged'],
    [summary.dryRun ? 'Would remove' : 'Removed', summary.removed, 'removed'],
    ['Skipped (failed pre-flight)', summary.skipped, 'skipped'],
    ['Written with a warning', summary.warned, 'warned'],
    ['Failed', summary.failed, 'failed'],
  ];
  return (
    <section className="export-summary" aria-label="Export summary" data-testid="export-summary">
      <h3 data-testid="export-ending">
        {summary.dryRun
          ? `Dry run: ${ENDINGS[summary.state].toLowerCase()}`
          : ENDINGS[summary.state]}
      </h3>
      <p className="dim">
        {formatCount(summary.products)} products · {summary.presets.join(', ')} · into{' '}
        <span className="mono">{summary.out}</span> · {formatBytes(summary.bytesWritten)} in{' '}
        {summary.seconds.toFixed(1)} s
      </p>
      <dl className="export-counts">
        {rows.map(([label, n, key]) => (
          <div key={key} className="export-count">
            <dt>{label}</dt>
            <dd data-testid={`summary-${key}`}>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {!summary.dryRun && (
        <p className="dim">
          Manifest: <span className="mono">{summary.manifest}</span>
          {summary.csv.length > 0 && (
            <>
              {' '}
              · CSV: <span className="mono">{summary.csv.join(', ')}</span>
            </>
          )}
        </p>
      )}
      {summary.errors.length > 0 && (
        <ul className="export-errors" aria-label="Problems" data-testid="export-errors">
          {summary.errors.map((e, i) => (
            <li key={i} data-testid="export-error-item">
              <strong>{e.sku}</strong> · {e.presetId}
              {e.file !== null && <span className="mono"> · {e.file}</span>}: {e.reason}
            </li>
          ))}
        </ul>
      )}
      {summary.dryRun && summary.files.length > 0 && (
        <details className="export-files">
          <summary>Files it would write ({formatCount(summary.files.length)})</summary>
          <ul>
            {summary.files.map((f) => (
              <li key={f} className="mono">
                {f}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
