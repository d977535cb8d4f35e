import type { ApprovalDecision } from '../../../shared/rights-dto';
import type { EditLog } from '../edit/edit-log';
import { kindName } from '../edit/undo-kind';
import type { ApprovalRepo } from '../repositories/approval-repo';
import type { AuditLog } from '../repositories/audit-log-repo';
import type { LinkPair, LinkTable, RightsUndoRepo } from '../repositories/rights-undo-repo';

/** The decisions one approval step recorded, row for row. */
export interface ApprovalDecisions {
  decisions: ApprovalDecision[];
}

/** Links one step made and took away (asset, licence or release). */
export interface RightsLinks {
  added: LinkPair[];
  removed: LinkPair[];
}

export const APPROVAL_DECISIONS = kindName<ApprovalDecisions>('approvals.decisions');
export const LICENCE_LINKS = kindName<RightsLinks>('licences.links');
export const RELEASE_LINKS = kindName<RightsLinks>('releases.links');

/**
 * Registers the rights kinds. Decisions are a history that keeps every decision: undo marks
 * the rows the step added as undone (they no longer count; others' later decisions stay)
 * and redo lets the same rows stand again. The audit log is append-only: each undo and redo
 * is a row of its own there, in the same transaction, under the current reviewer.
 */
export function registerRightsUndo(
  log: EditLog,
  rows: RightsUndoRepo,
  approvals: ApprovalRepo,
  audit: AuditLog,
): void {
  const decisions = (direction: 'undo' | 'redo', op: ApprovalDecisions) => {
    const assets = [...new Set(op.decisions.map((d) => d.assetId))];
    const before = approvals.factsFor(assets);
    const done =
      direction === 'undo' ? rows.undoDecisions(op.decisions) : rows.redoDecisions(op.decisions);
    const after = approvals.factsFor(assets);
    for (const assetId of new Set(done.map((d) => d.assetId)))
      audit.record({
        action: `approval.${direction}`,
        subject: { kind: 'asset', id: assetId },
        before: { state: before.get(assetId)?.approval ?? null },
        after: {
          state: after.get(assetId)?.approval ?? null,
          decisions: done.filter((d) => d.assetId === assetId).map((d) => d.id),
        },
      });
    return { changed: done.length };
  };
  log.register({
    name: APPROVAL_DECISIONS,
    undo: (op) => decisions('undo', op),
    redo: (op) => decisions('redo', op),
  });

  const links = (table: LinkTable, direction: 'undo' | 'redo', op: RightsLinks) => {
    const [add, remove] = direction === 'undo' ? [op.removed, op.added] : [op.added, op.removed];
    const attached = rows.addLinks(table, add);
    const detached = rows.removeLinks(table, remove);
    // One audit row per licence (release), as attach and detach record them.
    const holdings = new Set([...attached, ...detached].map(([, holding]) => holding));
    for (const id of holdings) {
      const of = (pairs: LinkPair[]) => pairs.filter(([, h]) => h === id).map(([a]) => a);
      audit.record({
        action: `${table}.${direction}`,
        subject: { kind: table, id },
        after: { attached: of(attached), detached: of(detached) },
      });
    }
    return { changed: attached.length + detached.length };
  };
  for (const [name, table] of [
    [LICENCE_LINKS, 'licence'],
    [RELEASE_LINKS, 'release'],
  ] as const)
    log.register({
      name,
      undo: (op) => links(table, 'undo', op),
      redo: (op) => links(table, 'redo', op),
    });
}
