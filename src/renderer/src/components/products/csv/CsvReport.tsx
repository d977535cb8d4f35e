// What an import did: products created, updated and unchanged, and each row it could not
// take, with its line in the file and why.
import type { ImportReport } from '../../../../../shared/product-dto';
import { formatCount } from '../../../format/count';

export function CsvReport({ report }: { report: ImportReport }) {
  return (
    <div className="csv-report" data-testid="csv-report">
      <dl className="csv-counts">
        <div>
          <dt>Created</dt>
          <dd data-testid="csv-created">{formatCount(report.created)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="csv-updated">{formatCount(report.updated)}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd data-testid="csv-unchanged">{formatCount(report.unchanged)}</dd>
        </div>
      </dl>
      {report.problems.length > 0 && (
        <>
          <h3>
            {formatCount(report.problems.length)} {report.problems.length === 1 ? 'row' : 'rows'}{' '}
            not imported
          </h3>
          <ul className="csv-problems">
            {report.problems.map((p) => (
              <li key={`${p.line}-${p.reason}`} data-testid="csv-problem">
                <span className="csv-line">Line {p.line}</span>
                {p.sku !== null && <span className="product-sku"> {p.sku}</span>}: {p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
