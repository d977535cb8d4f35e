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
import { readAudit } from './audit-export';

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

/**
 * The asset's audit rows, newest first: the engine finds every row naming it (approvals and
 * versions about it, and the licence, release and link rows that list it, whether or not
 * it still holds them).
 */
export async function assetAudit(client: Client, assetId: number): Promise<AuditEntry[]> {
  const rows = await readAudit(client, { kind: 'asset', id: String(assetId) });
  return rows.reverse();
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
        assetAudit(client, id),
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
