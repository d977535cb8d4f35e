import type { Licence, LicenceType, Medium } from '../../../shared/rights-dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { groupByAsset } from './group-by-asset';

/** What a licence is made of; the id and created_at are the repository's. */
export type LicenceInput = Omit<Licence, 'id' | 'createdAt'>;

interface Row {
  id: number;
  name: string;
  licensor: string | null;
  contact: string | null;
  type: string;
  cc_variant: string | null;
  reference: string | null;
  contract_path: string | null;
  credit_line: string | null;
  credit_required: number;
  starts_on: string | null;
  ends_on: string | null;
  warn_days: number;
  territories_mode: string | null;
  territories: string | null;
  channels: string | null;
  media: string | null;
  modifications_allowed: number;
  created_at: number;
}

const COLUMNS = `name, licensor, contact, type, cc_variant, reference, contract_path, credit_line,
  credit_required, starts_on, ends_on, warn_days, territories_mode, territories, channels, media,
  modifications_allowed`;

const list = (json: string | null): string[] | null =>
  json === null ? null : (JSON.parse(json) as string[]);

function toLicence(r: Row): Licence {
  return {
    id: r.id,
    name: r.name,
    licensor: r.licensor,
    contact: r.contact,
    type: r.type as LicenceType,
    ccVariant: r.cc_variant,
    reference: r.reference,
    contractPath: r.contract_path,
    creditLine: r.credit_line,
    creditRequired: r.credit_required === 1,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    warnDays: r.warn_days,
    territoriesMode: r.territories_mode as Licence['territoriesMode'],
    territories: list(r.territories),
    channels: list(r.channels),
    media: list(r.media) as Medium[] | null,
    modificationsAllowed: r.modifications_allowed === 1,
    createdAt: r.created_at,
  };
}

function values(l: LicenceInput): unknown[] {
  const json = (v: readonly string[] | null): string | null =>
    v === null ? null : JSON.stringify(v);
  return [
    l.name,
    l.licensor,
    l.contact,
    l.type,
    l.ccVariant,
    l.reference,
    l.contractPath,
    l.creditLine,
    l.creditRequired ? 1 : 0,
    l.startsOn,
    l.endsOn,
    l.warnDays,
    l.territoriesMode,
    json(l.territories),
    json(l.channels),
    json(l.media),
    l.modificationsAllowed ? 1 : 0,
  ];
}

/** licences and asset_licences: one licence covers many assets, an asset holds many. */
export class LicenceRepo {
  constructor(private readonly db: Db) {}

  create(l: LicenceInput): number {
    const marks = Array.from({ length: 17 }, () => '?').join(', ');
    return Number(
      statements(this.db)
        .prepare(`INSERT INTO licences (${COLUMNS}, created_at) VALUES (${marks}, ?)`)
        .run(...values(l), Date.now()).lastInsertRowid,
    );
  }

  /** A licence with exactly these terms, so setting the same rights twice makes one row. */
  findSame(l: LicenceInput): number | null {
    const where = COLUMNS.split(',')
      .map((c) => `${c.trim()} IS ?`)
      .join(' AND ');
    const row = statements(this.db)
      .prepare<unknown[], { id: number }>(`SELECT id FROM licences WHERE ${where} LIMIT 1`)
      .get(...values(l));
    return row?.id ?? null;
  }

  update(id: number, l: LicenceInput): boolean {
    const set = COLUMNS.split(',')
      .map((c) => `${c.trim()} = ?`)
      .join(', ');
    return (
      statements(this.db)
        .prepare(`UPDATE licences SET ${set} WHERE id = ?`)
        .run(...values(l), id).changes > 0
    );
  }

  delete(id: number): boolean {
    return statements(this.db).prepare('DELETE FROM licences WHERE id = ?').run(id).changes > 0;
  }

  /** True when the library records any licence at all. */
  any(): boolean {
    return (
      statements(this.db)
        .prepare<[], { one: number }>('SELECT 1 AS one FROM licences LIMIT 1')
        .get() !== undefined
    );
  }

  get(id: number): Licence | null {
    const row = statements(this.db)
      .prepare<[number], Row>('SELECT * FROM licences WHERE id = ?')
      .get(id);
    return row ? toLicence(row) : null;
  }

  /**
   * Every licence with the number of assets it covers and of their files still in packs;
   * `endsBy` keeps those ending by then.
   */
  list(endsBy?: string): (Licence & { assets: number; packFiles: number })[] {
    const sql = `SELECT l.*, (SELECT count(*) FROM asset_licences x WHERE x.licence_id = l.id) AS assets,
        (SELECT count(*) FROM usages u JOIN asset_licences x ON x.asset_id = u.asset_id
          WHERE x.licence_id = l.id AND u.removed_at IS NULL) AS pack_files
      FROM licences l ${endsBy ? 'WHERE l.ends_on IS NOT NULL AND l.ends_on <= ?' : ''}
      ORDER BY l.ends_on IS NULL, l.ends_on, l.id`;
    const stmt = statements(this.db).prepare<
      unknown[],
      Row & { assets: number; pack_files: number }
    >(sql);
    return (endsBy ? stmt.all(endsBy) : stmt.all()).map((r) => ({
      ...toLicence(r),
      assets: r.assets,
      packFiles: r.pack_files,
    }));
  }

  /** Attaches; returns how many links are new. */
  attach(licenceId: number, assetIds: readonly number[]): number {
    const stmt = statements(this.db).prepare(
      'INSERT OR IGNORE INTO asset_licences (asset_id, licence_id) SELECT id, ? FROM assets WHERE id = ?',
    );
    let added = 0;
    for (const id of assetIds) added += stmt.run(licenceId, id).changes;
    return added;
  }

  detach(licenceId: number, assetIds: readonly number[]): number {
    const stmt = statements(this.db).prepare(
      'DELETE FROM asset_licences WHERE asset_id = ? AND licence_id = ?',
    );
    let removed = 0;
    for (const id of assetIds) removed += stmt.run(id, licenceId).changes;
    return removed;
  }

  /** Removes every licence of these assets but `keep`; returns how many links went. */
  detachOthers(keep: number, assetIds: readonly number[]): number {
    return statements(this.db)
      .prepare(
        'DELETE FROM asset_licences WHERE licence_id != ? AND asset_id IN (SELECT value FROM json_each(?))',
      )
      .run(keep, JSON.stringify(assetIds)).changes;
  }

  /** Each asset's licences (assets without any are absent). */
  forAssets(assetIds: readonly number[]): Map<number, Licence[]> {
    if (assetIds.length === 0) return new Map();
    const rows = statements(this.db)
      .prepare<[string], Row & { asset_id: number }>(
        `SELECT x.asset_id, l.* FROM json_each(?) j
         JOIN asset_licences x ON x.asset_id = j.value JOIN licences l ON l.id = x.licence_id
         ORDER BY l.id`,
      )
      .all(JSON.stringify(assetIds));
    return groupByAsset(rows, toLicence);
  }

  /** The licences these assets hold, each with how many of them hold it: { licenceId: count }. */
  heldCounts(assetIds: readonly number[]): Record<number, number> {
    if (assetIds.length === 0) return {};
    const rows = statements(this.db)
      .prepare<[string], { licence_id: number; n: number }>(
        `SELECT x.licence_id, count(*) AS n FROM json_each(?) j
         JOIN asset_licences x ON x.asset_id = j.value GROUP BY x.licence_id ORDER BY x.licence_id`,
      )
      .all(JSON.stringify(assetIds));
    return Object.fromEntries(rows.map((r) => [r.licence_id, r.n]));
  }
}
