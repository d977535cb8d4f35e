// One asset's rights as the preview shows them: licences, releases, approval with its
// history, the file's own claims, where it went and its audit rows. Read again when the
// asset changes on screen or the engine says assets changed (any rights edit emits that).
import { useCallback, useEffect, useState } from 'react';
import type { Asset } from '../../../../../shared/dto';
import type { ApprovalDecision, AssetRights } from '../../../../../shared/rights-dto';
import type { AuditEntry, UsageRow } from '../../../../../shared/usage-dto';
import { PackshotError } from '../../../../../shared/errors';
import { useServices } from '../../../app-context';
import type { Client } from '../../../client';

export interface AssetRightsView {
  assetId: number;
  rights: AssetRights;
  decisions: ApprovalDecision[];
  /** The content hash decisions are compared with. */
  current: string | null;
  usages: UsageRow[];
  audit: AuditEntry[];
}

const RELOAD_DELAY_MS = 150;

/** Audit rows shown per asset; "Export audit…" reads them whole. */
export const AUDIT_SHOWN = 200;

export async function assetAudit(client: Client, assetId: number, licenceIds: readonly number[]) {
  // Approvals and versions are recorded about the asset; licence attach/detach about the
  // licence, naming the assets in the row: those of the licences it holds now are read too.
  const own = await client.call('auditEntries.list', {
    subject: { kind: 'asset', id: String(assetId) },
  });
  const byLicence = await Promise.all(
    licenceIds.map((id) =>
      client.call('auditEntries.list', { subject: { kind: 'licence', id: String(id) } }),
    ),
  );
  const all = [...own, ...byLicence.flat().filter((e) => namesAsset(e, assetId))];
  return [...new Map(all.map((e) => [e.id, e])).values()].sort((a, b) => b.id - a.id);
}

/** Whether a licence row's `after.assetIds` (attach, detach, assign) lists the asset. */
function namesAsset(entry: AuditEntry, assetId: number): boolean {
  const after = entry.after as { assetIds?: unknown } | null;
  return Array.isArray(after?.assetIds) && after.assetIds.includes(assetId);
}

export function useAssetRights(asset: Asset): {
  view: AssetRightsView | null;
  reload: () => void;
} {
  const { client, stores } = useServices();
  const [view, setView] = useState<AssetRightsView | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const { id } = asset;
  const version = `${asset.hash ?? ''}:${asset.approval ?? ''}:${asset.rightsFlag ?? ''}`;

  // A scan emits assets.changed in bursts: one read after the burst settles.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = client.on('assets.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, RELOAD_DELAY_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [client, reload]);

  useEffect(() => {
    let current = true;
    const load = async (): Promise<AssetRightsView> => {
      const rights = await client.call('rights.get', { id });
      const [history, usages, audit] = await Promise.all([
        client.call('approvals.history', { assetId: id }),
        client.call('usages.list', { assetId: id }),
        assetAudit(
          client,
          id,
          rights.licences.map((l) => l.id),
        ),
      ]);
      return {
        assetId: id,
        rights,
        decisions: history.decisions,
        current: history.current,
        usages,
        audit,
      };
    };
    load().then(
      (answer) => {
        if (current) setView(answer);
      },
      (cause: unknown) => {
        if (!current) return;
        if (cause instanceof PackshotError && cause.code === 'not_found') return;
        stores.notices.getState().report('Could not load the file’s rights', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [id, version, round, client, stores]);

  return { view: view !== null && view.assetId === id ? view : null, reload };
}
