// The audit log: one row per change (rights, approvals, versions, links, exports), each
// holding the hash of the row before it, so a row edited, deleted or moved breaks the
// chain. The chain's last row is also kept in audit_head, written in the same transaction,
// so rows cut off the end are found too. What it cannot stop: someone with write access to
// the file who recomputes every hash after their edit and rewrites audit_head. Only a copy
// of the head kept elsewhere (`audit verify` prints it) shows that.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerdict } from '../../../shared/usage-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';
import { namedAssets } from './audit-named-assets';
import { reviewerName } from './reviewer-name';

/** The chain's start: the prev_hash of the first row. */
export const GENESIS = '0'.repeat(64);

export interface AuditRecord {
  action: string;
  subject: { kind: string; id: string | number };
  before?: unknown;
  after?: unknown;
  /** Who did it; default: the log's own (the reviewer name, else the OS user). */
  who?: string;
}

interface Row {
  id: number;
  at: string;
  who: string;
  action: string;
  subject_kind: string;
  subject_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditFilter {
  since?: string;
  subject?: { kind: string; id: string };
  /** Only rows after this id: the last id of the page before. */
  afterId?: number;
  limit?: number;
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    /** The name rows are recorded under: the reviewer-name preference, else the OS user. */
    private readonly who: () => string = () => reviewerName(db),
  ) {}

  /**
   * Appends a row. Inside the caller's writeTransaction it is part of that change (rolled
   * back with it); alone it is its own. Either way the head is read under the IMMEDIATE
   * write lock, so two processes never append to the same head.
   */
  record(r: AuditRecord): AuditEntry {
    return writeTransaction(this.db, () => {
      const s = statements(this.db);
      const head = s
        .prepare<[], { last_id: number; hash: string }>('SELECT last_id, hash FROM audit_head')
        .get();
      const row: Omit<Row, 'id' | 'hash'> = {
        at: new Date().toISOString(),
        who: r.who ?? this.who(),
        action: r.action,
        subject_kind: r.subject.kind,
        subject_id: String(r.subject.id),
        before: r.before === undefined ? null : canonicalJson(r.before),
        after: r.after === undefined ? null : canonicalJson(r.after),
        prev_hash: head?.hash ?? GENESIS,
      };
      // The id is AUTOINCREMENT: never reused, so the next one is known before the insert.
      const seq = s
        .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
        .get();
      const id = (seq?.seq ?? 0) + 1;
      const hash = rowHash({ id, ...row });
      s.prepare(
        `INSERT INTO audit_log (id, at, who, action, subject_kind, subject_id, before, after,
           prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        row.at,
        row.who,
        row.action,
        row.subject_kind,
        row.subject_id,
        row.before,
        row.after,
        row.prev_hash,
        hash,
      );
      s.prepare(
        'INSERT INTO audit_head (only, last_id, hash) VALUES (1, ?, ?) ON CONFLICT (only) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash',
      ).run(id, hash);
      // Which assets the row names, for the per-asset filter (audit_assets, migration 20).
      const named = s.prepare(
        'INSERT OR IGNORE INTO audit_assets (asset_id, entry_id) VALUES (?, ?)',
      );
      for (const assetId of namedAssets(r.subject, r.before, r.after)) named.run(assetId, id);
      return toEntry({ id, ...row, hash });
    });
  }

  /**
   * Rows oldest first, since a date (ISO prefix) and/or about one subject, after a row id
   * (keyset paging: pass the last id of a page to read the next). About an asset means
   * every row that names it: its own (approvals, versions) and those of the licences,
   * releases and products whose change listed it (audit_assets).
   */
  list(f: AuditFilter = {}): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    let from = 'audit_log';
    if (f.subject?.kind === 'asset') {
      if (!/^\d+$/.test(f.subject.id)) return []; // no asset has such an id
      from = 'audit_assets x JOIN audit_log ON audit_log.id = x.entry_id';
      where.push('x.asset_id = ?');
      args.push(Number(f.subject.id));
    } else if (f.subject !== undefined) {
      where.push('subject_kind = ? AND subject_id = ?');
      args.push(f.subject.kind, f.subject.id);
    }
    if (f.afterId !== undefined) {
      where.push(f.subject?.kind === 'asset' ? 'x.entry_id > ?' : 'id > ?');
      args.push(f.afterId);
    }
    if (f.since !== undefined) {
      where.push('at >= ?');
      args.push(f.since);
    }
    args.push(f.limit ?? 10_000);
    const order = f.subject?.kind === 'asset' ? 'x.entry_id' : 'id';
    return statements(this.db)
      .prepare<(string | number)[], Row>(
        `SELECT audit_log.* FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${order} LIMIT ?`,
      )
      .all(...args)
      .map(toEntry);
  }

  /** Walks the chain: the first row whose hash or link does not check, or a missing end. */
  verify(): AuditVerdict {
    const s = statements(this.db);
    let prev = GENESIS;
    let rows = 0;
    let lastId: number | null = null;
    for (const row of s.prepare<[], Row>('SELECT * FROM audit_log ORDER BY id').iterate()) {
      rows++;
      if (row.prev_hash !== prev)
        return broken(
          rows,
          row.id,
          'its link to the row before does not match: a row before it was deleted, moved or changed',
        );
      if (rowHash(row) !== row.hash)
        return broken(rows, row.id, 'its content does not match its hash: the row was edited');
      prev = row.hash;
      lastId = row.id;
    }
    const head = s
      .prepare<[], { last_id: number; hash: string }>('SELECT last_id, hash FROM audit_head')
      .get();
    if (head === undefined && rows === 0) return { ok: true, rows, head: null };
    if (head === undefined) return broken(rows, null, 'the chain head record is missing');
    if (head.last_id !== lastId || head.hash !== prev)
      return broken(
        rows,
        null,
        `the chain ends at row ${lastId ?? 'none'}, but its head says row ${head.last_id}: rows were cut off the end`,
      );
    return { ok: true, rows, head: prev };
  }
}

function broken(rows: number, brokenId: number | null, reason: string): AuditVerdict {
  return { ok: false, rows, brokenId, reason };
}

/** sha256 over the canonical JSON of every field but the hash itself. */
function rowHash(r: Omit<Row, 'hash'>): string {
  const fields = {
    id: r.id,
    at: r.at,
    who: r.who,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** JSON with object keys sorted at every depth: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    who: r.who,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    hash: r.hash,
  };
}
