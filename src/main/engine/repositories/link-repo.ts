import type { AssetKind } from '../../../shared/dto';
import { MEDIA_ROLES, type MediaRole, type ProductLink } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import { statements, type Preparer } from '../db/statement-cache';

/** One stored link: enough to put it back exactly (undo). */
export interface LinkRow {
  assetId: number;
  role: MediaRole;
  position: number;
  linkedAt: number;
}

/** A product's board: asset ids in order, per role. */
export type Board = Map<MediaRole, number[]>;

interface LinkDetailRow {
  product_id: number;
  asset_id: number;
  role: MediaRole;
  position: number;
  name: string;
  state: string;
  hash: string | null;
  thumb: string;
  placeholder: string | null;
  width: number | null;
  height: number | null;
}

/** A linked file as readiness sees it. */
export interface LinkedFile {
  productId: number;
  assetId: number;
  role: string;
  position: number;
  state: string;
  width: number | null;
  height: number | null;
  name: string;
  /** The file's kind: a role counts only the kinds it takes (ROLE_KINDS). */
  kind: AssetKind;
}

/** Reads and writes product_links; edits that should be undoable go through LinkEdits. */
export class LinkRepo {
  private readonly db: Preparer;

  constructor(private readonly raw: Db) {
    this.db = statements(raw);
  }

  rows(productId: number): LinkRow[] {
    return this.db
      .prepare<
        [number],
        { asset_id: number; role: MediaRole; position: number; linked_at: number }
      >(
        'SELECT asset_id, role, position, linked_at FROM product_links WHERE product_id = ? ORDER BY role, position',
      )
      .all(productId)
      .map((r) => ({
        assetId: r.asset_id,
        role: r.role,
        position: r.position,
        linkedAt: r.linked_at,
      }));
  }

  /** Replaces a product's links; rows whose asset is gone (deleted meanwhile) are skipped. */
  replace(productId: number, rows: readonly LinkRow[]): void {
    replaceLinks(this.raw, productId, rows);
  }

  /** The links of some products in board order, with what a slot needs to draw its asset. */
  details(productIds: readonly number[]): ProductLink[] {
    if (productIds.length === 0) return [];
    return this.db
      .prepare<number[], LinkDetailRow>(
        `SELECT l.product_id, l.asset_id, l.role, l.position, a.name, a.state, a.hash, a.thumb,
                a.placeholder, a.width, a.height
         FROM product_links l JOIN assets a ON a.id = l.asset_id
         WHERE l.product_id IN (${productIds.map(() => '?').join(', ')})
         ORDER BY l.product_id, l.position`,
      )
      .all(...productIds)
      .sort(
        (a, b) =>
          a.product_id - b.product_id ||
          MEDIA_ROLES.indexOf(a.role) - MEDIA_ROLES.indexOf(b.role) ||
          a.position - b.position,
      )
      .map((r) => ({
        productId: r.product_id,
        assetId: r.asset_id,
        role: r.role,
        position: r.position,
        name: r.name,
        state: r.state,
        hash: r.hash,
        thumb: r.thumb,
        placeholder: r.placeholder,
        width: r.width,
        height: r.height,
      }));
  }

  /** Every link (or those of some products) with its file's state and size, in one query. */
  readinessFiles(productIds?: readonly number[]): LinkedFile[] {
    const where = productIds
      ? `WHERE l.product_id IN (${productIds.map(() => '?').join(', ')})`
      : '';
    return this.db
      .prepare<number[], LinkedFile>(
        `SELECT l.product_id AS productId, l.asset_id AS assetId, l.role, l.position, a.state, a.width, a.height, a.name, a.kind
         FROM product_links l JOIN assets a ON a.id = l.asset_id ${where}
         ORDER BY l.product_id, l.role, l.position`,
      )
      .all(...(productIds ?? []));
  }

  /** Adds links that are not there yet (auto rules on arrival: no undo step). */
  addIfAbsent(
    links: readonly { productId: number; assetId: number; role: MediaRole; position: number }[],
  ): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO product_links (product_id, asset_id, role, position, linked_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const l of links) insert.run(l.productId, l.assetId, l.role, l.position, Date.now());
  }

  /** Whether an asset is linked to any product: auto rules leave placed files alone. */
  isLinked(assetId: number): boolean {
    return (
      this.db
        .prepare<[number], { n: number }>(
          'SELECT count(*) AS n FROM product_links WHERE asset_id = ?',
        )
        .get(assetId)?.n !== 0
    );
  }
}

/** Writes a product's whole link set (used by the edit log to undo and redo). */
export function replaceLinks(db: Db, productId: number, rows: readonly LinkRow[]): boolean {
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM products WHERE id = ?');
  if (!exists.get(productId)) return false;
  db.prepare('DELETE FROM product_links WHERE product_id = ?').run(productId);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO product_links (product_id, asset_id, role, position, linked_at)
     SELECT ?, id, ?, ?, ? FROM assets WHERE id = ?`,
  );
  for (const row of rows) insert.run(productId, row.role, row.position, row.linkedAt, row.assetId);
  return true;
}

/** Rows → board (ordered ids per role). */
export function toBoard(rows: readonly LinkRow[]): Board {
  const board: Board = new Map();
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  for (const row of sorted) append(board, row.role, row.assetId);
  return board;
}

function append(board: Board, role: MediaRole, assetId: number): void {
  const ids = board.get(role);
  if (ids) ids.push(assetId);
  else board.set(role, [assetId]);
}

/** Board → rows with positions 0..n per role, keeping each asset's first link time. */
export function fromBoard(board: Board, before: readonly LinkRow[], now: number): LinkRow[] {
  const linkedAt = new Map(before.map((r) => [r.assetId, r.linkedAt]));
  const rows: LinkRow[] = [];
  for (const [role, ids] of board) {
    ids.forEach((assetId, position) =>
      rows.push({ assetId, role, position, linkedAt: linkedAt.get(assetId) ?? now }),
    );
  }
  return rows;
}

/**
 * Puts a product's links back to `target` (undo: before, redo: after). Links that are in
 * neither `target` nor `other` were made since by something else (an auto rule) and stay,
 * after the target's. Returns how many assets changed slot.
 */
export function mergeLinks(
  db: Db,
  productId: number,
  target: readonly LinkRow[],
  other: readonly LinkRow[],
): number {
  const current = new LinkRepo(db).rows(productId);
  const known = new Set([...target, ...other].map((r) => r.assetId));
  const board = toBoard(target);
  for (const extra of current.filter((r) => !known.has(r.assetId))) {
    append(board, extra.role, extra.assetId);
  }
  const rows = fromBoard(board, [...current, ...target], Date.now());
  // A product deleted since: nothing to put back.
  return replaceLinks(db, productId, rows) ? countChanged(current, rows) : 0;
}

/** Assets whose slot (role, position) differs, or that were added or removed. */
export function countChanged(before: readonly LinkRow[], after: readonly LinkRow[]): number {
  const key = (r: LinkRow): string => `${r.role}:${r.position}`;
  const was = new Map(before.map((r) => [r.assetId, key(r)]));
  const now = new Map(after.map((r) => [r.assetId, key(r)]));
  let changed = 0;
  for (const [id, slot] of now) if (was.get(id) !== slot) changed++;
  for (const id of was.keys()) if (!now.has(id)) changed++;
  return changed;
}
