import { faultPoint } from '../faults/fault-points';
import { PackshotError } from '../../../shared/errors';
import type { MediaRole } from '../../../shared/product-dto';
import type { Db } from '../db/open-database';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part, type StepPart } from '../edit/undo-kind';
import type { AuditLog } from '../repositories/audit-log-repo';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { countChanged, fromBoard, LinkRepo, toBoard, type Board } from '../repositories/link-repo';
import { linkSlot, PRODUCT_LINKS } from './product-undo-kinds';

/** A change to one product's board, made in memory. */
export type BoardChange = (board: Board) => void;

/**
 * Link edits as undoable steps: each loads the boards it changes, edits them in memory and
 * writes them back, recording every product's links before and after.
 */
export class LinkEdits {
  readonly links: LinkRepo;
  private readonly files: AssetFileRepo;

  constructor(
    db: Db,
    private readonly edits: EditLog,
    private readonly audit?: AuditLog,
  ) {
    this.links = new LinkRepo(db);
    this.files = new AssetFileRepo(db);
  }

  add(
    productId: number,
    assetIds: readonly number[],
    role: MediaRole,
    position?: number,
  ): StepResult {
    this.requireAssets(assetIds);
    const unique = [...new Set(assetIds)];
    return this.step(`Link ${plural(unique.length, 'file')}`, [
      [
        productId,
        (board) => {
          detach(board, unique);
          if (role === 'main') {
            // Main holds one asset: the first; the others (and the old main) lead the gallery.
            const [first, ...rest] = unique as [number, ...number[]];
            putMain(board, first);
            insertAt(board, 'gallery', rest, 0);
          } else insertAt(board, role, unique, position);
        },
      ],
    ]);
  }

  remove(productId: number, assetIds: readonly number[]): StepResult {
    return this.step(`Unlink ${plural(new Set(assetIds).size, 'file')}`, [
      [productId, (board) => detach(board, assetIds)],
    ]);
  }

  move(productId: number, assetId: number, role: MediaRole, position: number): StepResult {
    if (!this.links.rows(productId).some((r) => r.assetId === assetId))
      throw new PackshotError(
        'not_found',
        `Asset ${assetId} is not linked to product ${productId}`,
      );
    return this.step('Move linked file', [
      [
        productId,
        (board) => {
          detach(board, [assetId]);
          if (role === 'main') putMain(board, assetId);
          else insertAt(board, role, [assetId], position);
        },
      ],
    ]);
  }

  setMain(productId: number, assetId: number): StepResult {
    this.requireAssets([assetId]);
    return this.step('Set main image', [
      [
        productId,
        (board) => {
          detach(board, [assetId]);
          putMain(board, assetId);
        },
      ],
    ]);
  }

  /**
   * Several products' boards changed as one step (rules, drops). `also` adds another
   * domain's parts to the same step (an AI suggestion marked accepted), undone with it.
   */
  step(
    label: string,
    changes: readonly [number, BoardChange][],
    also?: () => StepPart[],
  ): StepResult {
    return this.edits.step(label, () => {
      const parts: StepPart[] = also?.() ?? [];
      let changed = parts.length;
      const now = Date.now();
      for (const [productId, change] of groupByProduct(changes)) {
        const before = this.links.rows(productId);
        const board = toBoard(before);
        for (const c of change) c(board);
        const after = fromBoard(board, before, now);
        const n = countChanged(before, after);
        if (n === 0) continue;
        this.links.replace(productId, after);
        this.audit?.record({
          action: 'links.edit',
          subject: { kind: 'product', id: productId },
          before: before.map(linkSlot),
          after: after.map(linkSlot),
        });
        parts.push(part(PRODUCT_LINKS, { productId, before, after }));
        changed += n;
        faultPoint('links.mid-apply');
      }
      return { parts, changed };
    });
  }

  private requireAssets(ids: readonly number[]): void {
    const unknown = this.files.firstUnknown(ids);
    if (unknown !== undefined) throw new PackshotError('not_found', `No asset with id ${unknown}`);
  }
}

/** Takes assets out of every role of a board. */
export function detach(board: Board, assetIds: readonly number[]): void {
  const gone = new Set(assetIds);
  for (const [role, ids] of board)
    board.set(
      role,
      ids.filter((id) => !gone.has(id)),
    );
}

/** Inserts at a position (clamped), or at the end. */
export function insertAt(
  board: Board,
  role: MediaRole,
  ids: readonly number[],
  position?: number,
): void {
  if (ids.length === 0) return;
  const slot = board.get(role) ?? [];
  const at = Math.min(position ?? slot.length, slot.length);
  board.set(role, [...slot.slice(0, at), ...ids, ...slot.slice(at)]);
}

/** Makes an asset the main image; the old main leads the gallery. */
export function putMain(board: Board, assetId: number): void {
  const old = (board.get('main') ?? []).filter((id) => id !== assetId);
  board.set('main', [assetId]);
  insertAt(board, 'gallery', old, 0);
}

function groupByProduct(changes: readonly [number, BoardChange][]): Map<number, BoardChange[]> {
  const groups = new Map<number, BoardChange[]>();
  for (const [id, change] of changes) {
    const list = groups.get(id);
    if (list) list.push(change);
    else groups.set(id, [change]);
  }
  return groups;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
