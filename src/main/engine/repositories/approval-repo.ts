import type { ApprovalDecision, ApprovalState, RightsClaims } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { PERSON_IN_FRAME_SQL } from './people-terms';
import { setSetting } from './settings';

/**
 * An asset's approval state in SQL (alias `a` for assets): the newest decision for its
 * current hash; decisions only on older content put it back in review; none is a draft.
 * Undone decisions (kept in the history) do not count. Shared by the search language
 * (approval:…) and the loaders below.
 */
export const APPROVAL_STATE_SQL = `COALESCE(
  (SELECT p.state FROM approvals p WHERE p.asset_id = a.id AND p.hash = a.hash
     AND p.undone_at IS NULL ORDER BY p.id DESC LIMIT 1),
  CASE WHEN EXISTS (SELECT 1 FROM approvals p WHERE p.asset_id = a.id AND p.undone_at IS NULL)
    THEN 'in-review' ELSE 'draft' END)`;

/** An approvals row as stored. */
export interface DecisionRow {
  id: number;
  asset_id: number;
  hash: string;
  state: string;
  who: string;
  at: number;
  comment: string | null;
  undone_at: number | null;
}

export const toDecision = (r: DecisionRow): ApprovalDecision => ({
  id: r.id,
  assetId: r.asset_id,
  hash: r.hash,
  state: r.state as ApprovalState,
  who: r.who,
  at: r.at,
  comment: r.comment,
  undoneAt: r.undone_at,
});

/** approvals (every decision, by content hash), the file's rights claims and who is in the frame. */
export class ApprovalRepo {
  constructor(private readonly db: Db) {}

  /**
   * Records a decision on each asset's current content; an asset not read yet (no hash) is
   * skipped. Call inside a writeTransaction: the hash read and the insert belong together.
   * Returns the assets decided on, each with the content hash the decision holds for.
   */
  record(
    assetIds: readonly number[],
    d: { state: ApprovalState; who: string; comment: string | null },
  ): { assetId: number; hash: string }[] {
    const hashOf = statements(this.db).prepare<[number], { hash: string | null }>(
      'SELECT hash FROM assets WHERE id = ?',
    );
    const insert = statements(this.db).prepare(
      'INSERT INTO approvals (asset_id, hash, state, who, at, comment) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const done: { assetId: number; hash: string }[] = [];
    const at = Date.now();
    for (const id of assetIds) {
      const hash = hashOf.get(id)?.hash;
      if (!hash) continue;
      insert.run(id, hash, d.state, d.who, at, d.comment);
      done.push({ assetId: id, hash });
    }
    return done;
  }

  history(assetId: number): ApprovalDecision[] {
    return statements(this.db)
      .prepare<[number], DecisionRow>('SELECT * FROM approvals WHERE asset_id = ? ORDER BY id DESC')
      .all(assetId)
      .map(toDecision);
  }

  /** Each asset's approval state alone (what an audit row of a decision needs). */
  statesFor(assetIds: readonly number[]): Map<number, ApprovalState> {
    if (assetIds.length === 0) return new Map();
    const rows = statements(this.db)
      .prepare<[string], { id: number; approval: ApprovalState }>(
        `SELECT a.id, ${APPROVAL_STATE_SQL} AS approval FROM json_each(?) j JOIN assets a ON a.id = j.value`,
      )
      .all(JSON.stringify(assetIds));
    return new Map(rows.map((r) => [r.id, r.approval]));
  }

  /**
   * Each asset's approval state, its file's claims and whether someone is in the frame: a
   * `People` tag, or people the models found (people-terms.ts has the rule).
   */
  factsFor(
    assetIds: readonly number[],
  ): Map<number, { approval: ApprovalState; claims: RightsClaims | null; person: boolean }> {
    const out = new Map<
      number,
      { approval: ApprovalState; claims: RightsClaims | null; person: boolean }
    >();
    if (assetIds.length === 0) return out;
    const rows = statements(this.db)
      .prepare<[string], { id: number; approval: string; claims: string | null; person: number }>(
        `SELECT a.id, ${APPROVAL_STATE_SQL} AS approval, a.rights_claims AS claims,
           ${PERSON_IN_FRAME_SQL} AS person
         FROM json_each(?) j JOIN assets a ON a.id = j.value`,
      )
      .all(JSON.stringify(assetIds));
    for (const r of rows)
      out.set(r.id, {
        approval: r.approval as ApprovalState,
        claims: r.claims === null ? null : (JSON.parse(r.claims) as RightsClaims),
        person: r.person === 1,
      });
    return out;
  }

  setSetting(key: string, value: string): void {
    setSetting(this.db, key, value);
  }
}
