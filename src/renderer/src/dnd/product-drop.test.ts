import { describe, expect, it } from 'vitest';
import type { MediaRole } from '../../../shared/product-dto';
import { insertionIndex, isRightHalf, movePosition } from './drop-position';
import { applyDrop, type DropActions, type DropTarget } from './product-drop';

function recorder() {
  const calls: unknown[][] = [];
  const record = (...call: unknown[]): Promise<void> => {
    calls.push(call);
    return Promise.resolve();
  };
  const actions: DropActions = {
    addLinks: (...args) => record('add', ...args),
    moveLink: (...args) => record('move', ...args),
    setMain: (...args) => record('main', ...args),
    offerFiles: (...args) => void record('files', ...args),
  };
  return { calls, actions };
}

/** Product 1's board: gallery [10, 11, 12], detail [20], main [30]. */
const board: Record<number, { role: MediaRole; position: number }> = {
  10: { role: 'gallery', position: 0 },
  11: { role: 'gallery', position: 1 },
  12: { role: 'gallery', position: 2 },
  20: { role: 'detail', position: 0 },
  30: { role: 'main', position: 0 },
};
const placeOf = (assetId: number) => board[assetId] ?? null;
const slot = (role: MediaRole, slotSize: number, insertAt?: number): DropTarget => ({
  productId: 1,
  role,
  slotSize,
  insertAt,
  placeOf,
});

describe('drop positions', () => {
  it('inserts before a tile, or after it on its right half', () => {
    expect(insertionIndex(2, false)).toBe(2);
    expect(insertionIndex(2, true)).toBe(3);
    expect(isRightHalf(160, { left: 100, width: 100 })).toBe(true);
    expect(isRightHalf(140, { left: 100, width: 100 })).toBe(false);
  });

  it('turns an insertion index into the final position of a moved link', () => {
    expect(movePosition(0, 3)).toBe(2); // first to the end of three
    expect(movePosition(2, 0)).toBe(0); // last to the front
    expect(movePosition(null, 1)).toBe(1); // from another slot
  });
});

describe('applyDrop', () => {
  it('links dropped assets into the slot at the insertion index', async () => {
    const { calls, actions } = recorder();
    await applyDrop({ kind: 'assets', ids: [5, 6] }, slot('detail', 1, 0), actions);
    expect(calls).toEqual([['add', 1, [5, 6], 'detail', 0]]);
  });

  it('links at the end when dropped on the slot, not on a tile', async () => {
    const { calls, actions } = recorder();
    await applyDrop({ kind: 'assets', ids: [5] }, slot('gallery', 3), actions);
    expect(calls).toEqual([['add', 1, [5], 'gallery', undefined]]);
  });

  it('makes the first asset dropped on the main slot main, the rest gallery', async () => {
    const { calls, actions } = recorder();
    await applyDrop({ kind: 'assets', ids: [5, 6, 7] }, slot('main', 1), actions);
    expect(calls).toEqual([
      ['main', 1, 5],
      ['add', 1, [6, 7], 'gallery'],
    ]);
  });

  it('moves a link of this board within its slot to the final position', async () => {
    const { calls, actions } = recorder();
    // 10 dropped after 12 (insertion index 3): ends last, at 2.
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 10 } },
      slot('gallery', 3, 3),
      actions,
    );
    // 12 dropped before 10: goes first.
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 12 } },
      slot('gallery', 3, 0),
      actions,
    );
    expect(calls).toEqual([
      ['move', 1, 10, 'gallery', 2],
      ['move', 1, 12, 'gallery', 0],
    ]);
  });

  it('moves a link to another slot, or to main', async () => {
    const { calls, actions } = recorder();
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 11 } },
      slot('detail', 1),
      actions,
    );
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 20 } },
      slot('main', 1),
      actions,
    );
    expect(calls).toEqual([
      ['move', 1, 11, 'detail', 1],
      ['main', 1, 20],
    ]);
  });

  it('does nothing for a link dropped where it already is', async () => {
    const { calls, actions } = recorder();
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 11 } },
      slot('gallery', 3, 1),
      actions,
    );
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 11 } },
      slot('gallery', 3, 2),
      actions,
    );
    await applyDrop(
      { kind: 'link', link: { productId: 1, assetId: 12 } },
      slot('gallery', 3),
      actions,
    );
    expect(calls).toEqual([]);
  });

  it("links another product's asset instead of moving it", async () => {
    const { calls, actions } = recorder();
    await applyDrop(
      { kind: 'link', link: { productId: 8, assetId: 99 } },
      slot('gallery', 3, 1),
      actions,
    );
    expect(calls).toEqual([['add', 1, [99], 'gallery', 1]]);
  });

  it('offers OS files for the slot', async () => {
    const { calls, actions } = recorder();
    const file = new File(['x'], 'a.jpg');
    await applyDrop({ kind: 'files', files: [file] }, slot('document', 0), actions);
    expect(calls).toEqual([['files', 1, 'document', [file]]]);
  });
});
