// This asset's audit rows, newest first, and "Export audit…" (this asset, or the whole log).
import { useState } from 'react';
import type { AuditEntry } from '../../../../../shared/usage-dto';
import { useServices } from '../../../app-context';
import { formatInstant } from '../../../format/date';
import { AUDIT_SHOWN, assetAudit } from './use-asset-rights';
import { auditCsv, auditJson, download, localDay, readAudit } from './audit-export';

export function AssetAuditLog({
  assetId,
  entries,
}: {
  assetId: number;
  entries: readonly AuditEntry[];
}) {
  const { client, stores } = useServices();
  const [scope, setScope] = useState<'asset' | 'all'>('asset');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const exportAudit = async () => {
    try {
      const rows = scope === 'asset' ? await assetAudit(client, assetId) : await readAudit(client);
      const day = localDay();
      const name = `packshot-audit-${scope === 'asset' ? `asset-${assetId}` : 'all'}-${day}.${format}`;
      if (format === 'csv') download(name, auditCsv(rows), 'text/csv');
      else download(name, auditJson(rows), 'application/json');
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
