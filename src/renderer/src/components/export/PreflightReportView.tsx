// A pre-flight report: counts, a failures-only switch, and the results by product × channel.
import type { PreflightReport } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { groupReport } from '../../store/preflight-groups';
import { usePreflight } from '../../store-hooks';
import { CheckField } from './form-fields';
import { PreflightGroupView } from './PreflightGroupView';

export function PreflightReportView({ report }: { report: PreflightReport }) {
  const { stores } = useServices();
  const failuresOnly = usePreflight((s) => s.failuresOnly);
  const groups = groupReport(report, failuresOnly);
  const { pass, warn, fail } = report.totals;

  return (
    <div className="preflight-report" data-testid="preflight-report">
      <p className="preflight-counts" role="status" data-testid="preflight-counts">
        {formatCount(report.products)} {report.products === 1 ? 'product' : 'products'} ·{' '}
        <span className="level is-pass">{formatCount(pass)} pass</span> ·{' '}
        <span className="level is-warn">{formatCount(warn)} warn</span> ·{' '}
        <span className="level is-fail">{formatCount(fail)} fail</span>
      </p>
      <CheckField
        label="Show failures only"
        checked={failuresOnly}
        onChange={(on) => stores.preflight.getState().setFailuresOnly(on)}
        testId="preflight-failures-only"
      />
      {groups.length === 0 ? (
        <p className="dim" data-testid="preflight-empty">
          {failuresOnly ? 'Nothing fails.' : 'No product has images for these channels.'}
        </p>
      ) : (
        <ul className="preflight-groups">
          {groups.map((group) => (
            <PreflightGroupView key={group.key} group={group} />
          ))}
        </ul>
      )}
    </div>
  );
}
