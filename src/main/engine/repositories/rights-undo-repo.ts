import type { ApprovalDecision } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { toDecision, type DecisionRow } from './approval-repo';

/** An asset and a licence (or release) it holds. */
export type LinkPair = readonly [assetId: number, holdingId: number];

/** Which link table: the assets' licences or their releases. */
export type LinkTable = 'licence' | 'release';

// Fixed names, never from input: the two link tables share their shape.
const TABLES = {
  licence: { links: 'asset_licences', column: 'licence_id', owner: 'licences' },
  release: { links: 'asset_releases', column: 'release_id', owner: 'releases' },
} as const;

/**
 * What rights edits and their undo change row by row: approval decisions by id, and
 * asset ↔ licence / release links as pairs, each call saying which rows it really changed,
 * so an undo takes back exactly those. Call inside the edit log's transaction.
 */
export class RightsUndoRepo {
  constructor(private readonly db: Db) {}

  /** The newest decision's id (0 when there is none). */
  lastDecisionId(): number {
    return (
      statements(this.db)
        .prepare<[], { id: number | null }>('SELECT max(id) AS id FROM approvals')
        .get()?.id ?? 0
    );
  }

  /** Decisions recorded after `id`, oldest first. */
  decisionsAfter(id: number): ApprovalDecision[] {
    return statements(this.db)
      .prepare<[number], DecisionRow>('SELECT * FROM approvals WHERE id > ? ORDER BY id')
      .all(id)
      .map(toDecision);
  }

  /** Marks these decisions undone (they stay in the history); returns those it marked. */
  undoDecisions(rows: readonly ApprovalDecision[]): ApprovalDecision[] {
    const stmt = statements(this.db).prepare(
      'UPDATE approvals SET undone_at = ? WHERE id = ? AND undone_at IS NULL',
    );
    const at = Date.now();
    return rows.filter((r) => stmt.run(at, r.id).changes > 0);
  }

  /** Lets undone decisions stand again; a decision gone with its asset is skipped. */
  redoDecisions(rows: readonly ApprovalDecision[]): ApprovalDecision[] {
    const stmt = statements(this.db).prepare(
      'UPDATE approvals SET undone_at = NULL WHERE id = ? AND undone_at IS NOT NULL',
    );
    return rows.filter((r) => stmt.run(r.id).changes > 0);
  }

  /** Links these pairs; returns those that are new (both ends must still exist). */
  addLinks(table: LinkTable, pairs: readonly LinkPair[]): LinkPair[] {
    const t = TABLES[table];
    const stmt = statements(this.db).prepare(
      `INSERT OR IGNORE INTO ${t.links} (asset_id, ${t.column})
       SELECT a.id, o.id FROM assets a, ${t.owner} o WHERE a.id = ? AND o.id = ?`,
    );
    return pairs.filter(([asset, holding]) => stmt.run(asset, holding).changes > 0);
  }

  /** Unlinks these pairs; returns those that were linked. */
  removeLinks(table: LinkTable, pairs: readonly LinkPair[]): LinkPair[] {
    const t = TABLES[table];
    const stmt = statements(this.db).prepare(
      `DELETE FROM ${t.links} WHERE asset_id = ? AND ${t.column} = ?`,
    );
    return pairs.filter(([asset, holding]) => stmt.run(asset, holding).changes > 0);
  }
}
