// This asset's audit rows, newest first, and "Export audit…" (this asset, or the whole log).
import { useState } from 'react';
import type { AuditEntry } from '../../../../../shared/usage-dto';
import { useServices } from '../../../app-context';
import { formatInstant } from '../../../format/date';
import { AUDIT_SHOWN, assetAudit } from './use-asset-rights';
import { auditCsv, auditJson, download, localDay } from './audit-export';

const WHOLE_LOG_LIMIT = 100_000;

export function AssetAuditLog({
  assetId,
  licenceIds,
  entries,
}: {
  assetId: number;
  licenceIds: readonly number[];
  entries: readonly AuditEntry[];
}) {
  const { client, stores } = useServices();
  const [scope, setScope] = useState<'asset' | 'all'>('asset');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const exportAudit = async () => {
    try {
      const rows =
        scope === 'asset'
          ? await assetAudit(client, assetId, licenceIds)
          : await client.call('auditEntries.list', { limit: WHOLE_LOG_LIMIT });
      const day = localDay();
      const name = `packshot-audit-${scope === 'asset' ? `asset-${assetId}` : 'all'}-${day}.${format}`;
      if (format === 'csv') download(name, auditCsv(rows), 'text/csv');
      else download(name, auditJson(rows), 'application/json');
      // The method's most per call, oldest first: a longer log is cut, and the user told.
      if (scope === 'all' && rows.length === WHOLE_LOG_LIMIT)
        stores.notices
          .getState()
          .report(
            'The audit export is cut',
            'It holds the oldest 100,000 rows, the most auditEntries.list returns at once.',
          );
    } catch (cause) {
      stores.notices.getState().report('Could not export the audit log', cause);
    }
  };
  return (
    <div className="rights-audit">
      {entries.length === 0 ? (
        <p className="rights-empty">No audit entries for this file.</p>
      ) : (
        <ol className="rights-list" data-testid="rights-audit">
          {entries.slice(0, AUDIT_SHOWN).map((e) => (
            <li key={e.id} title={`#${e.id} ${e.hash}`}>
              <span className="rights-item-name">{e.action}</span>
              <span className="rights-item-facts">
                {e.who} · {formatInstant(e.at)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="rights-actions">
        <select
          aria-label="Audit rows to export"
          value={scope}
          onChange={(e) => setScope(e.target.value as 'asset' | 'all')}
        >
          <option value="asset">This file</option>
          <option value="all">Whole log</option>
        </select>
        <select
          aria-label="Audit export format"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}
        >
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <button type="button" data-testid="rights-audit-export" onClick={() => void exportAudit()}>
          Export audit…
        </button>
      </div>
    </div>
  );
}
