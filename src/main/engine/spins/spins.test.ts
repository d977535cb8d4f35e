// 360° spins through the engine on real frames made with sharp: made by naming rule, by
// selection and from a folder; one tile in the grid; kind:spin; warnings; undoable edits.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { writeSpinFrames } from '../../test-support/spin-frames';

let h: Harness;
let folder: string;
const pad = (i: number) => String(i).padStart(2, '0');

beforeAll(async () => {
  folder = await tempDir('spins');
  await mkdir(join(folder, 'turn'));
  await mkdir(join(folder, 'loose'));
  await writeSpinFrames(folder, 8, (i) => `SHOE-1_spin_${pad(i)}.jpg`);
  // BAG-2 lacks frame 3: a gap in the numbering.
  await writeSpinFrames(folder, 5, (i) => `BAG-2_spin_${pad(i)}.jpg`, [3]);
  await writeSpinFrames(join(folder, 'turn'), 6, (i) => `frame${i}.jpg`);
  await writeSpinFrames(join(folder, 'loose'), 10, (i) => `t${i}.jpg`, [2, 3, 4, 5, 6, 7, 8]);
  await writeFile(join(folder, 'other.jpg'), await makeImage(64, 48, 'jpeg', 3));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

const names = async (query?: string) =>
  (await h.call('assets.list', { limit: 500, sort: 'name', ...(query ? { query } : {}) })).items;

describe('spins', () => {
  it('makes one spin per SKU from a naming rule, frames in number order, a gap warned', async () => {
    expect(await names()).toHaveLength(8 + 4 + 6 + 3 + 1);
    const made = await h.call('spins.createByRule', { rule: '{sku}_spin_{frame}' });
    expect(made.spins.map((s) => [s.name, s.frames])).toEqual([
      ['BAG-2', 4],
      ['SHOE-1', 8],
    ]);
    const bag = made.spins.find((s) => s.name === 'BAG-2');
    expect(bag?.warnings).toEqual([expect.stringMatching(/missing from the numbering 1–5: 3$/)]);
    expect(made.spins.find((s) => s.name === 'SHOE-1')?.warnings).toEqual([]);
    const shoe = await h.call('spins.get', { id: made.spins[1]?.id ?? 0 });
    expect(shoe.frameList.map((f) => f.name)).toEqual(
      Array.from({ length: 8 }, (_, i) => `SHOE-1_spin_${pad(i + 1)}.jpg`),
    );
    // One undo step for the rule: undone, both go; redone, both come back as they were.
    await h.call('edits.undo', {});
    expect(await h.call('spins.list', {})).toEqual([]);
    await h.call('edits.redo', {});
    expect((await h.call('spins.list', {})).map((s) => s.id)).toEqual(made.spins.map((s) => s.id));
    // Run again: the frames are taken, nothing new.
    expect((await h.call('spins.createByRule', { rule: '{sku}_spin_{frame}' })).spins).toEqual([]);
  });

  it('shows each spin as one tile (its cover, kind spin, a badge); kind:spin finds them', async () => {
    const all = await names();
    expect(all).toHaveLength(2 + 6 + 3 + 1);
    // The whole library's count is the table's less the hidden frames; a filtered one probes.
    expect((await h.call('assets.list', { limit: 1 })).total).toBe(12);
    expect((await h.call('assets.list', { limit: 1, query: 'name:spin' })).total).toBe(2);
    const covers = all.filter((a) => a.kind === 'spin');
    expect(covers.map((a) => [a.name, a.spin?.frames])).toEqual([
      ['BAG-2_spin_01.jpg', 4],
      ['SHOE-1_spin_01.jpg', 8],
    ]);
    expect(covers[0]?.spin?.warning).toMatch(/numbering/);
    expect((await names('kind:spin')).map((a) => a.name)).toEqual([
      'BAG-2_spin_01.jpg',
      'SHOE-1_spin_01.jpg',
    ]);
    expect(await names('-kind:spin name:spin')).toEqual([]);
    expect((await h.call('assets.list', { query: 'kind:spin' })).total).toBe(2);
    const detail = await h.call('assets.get', { id: covers[1]?.id ?? 0 });
    expect(detail.facts?.frames).toBe(8);
    // frames> counts a spin's frames (spin_frames), the cover standing for it.
    expect((await names('frames>4')).map((a) => a.name)).toEqual(['SHOE-1_spin_01.jpg']);
    expect((await names('frames<=4')).map((a) => a.name)).toEqual(['BAG-2_spin_01.jpg']);
  });

  it('makes a spin from a selection in natural order, and from a folder', async () => {
    const loose = (await names('folder:loose')).map((a) => a.id);
    const made = await h.call('spins.create', { assetIds: loose, name: 'Loose' });
    const detail = await h.call('spins.get', { id: made.spin?.id ?? 0 });
    expect(detail.frameList.map((f) => f.name)).toEqual(['t1.jpg', 't9.jpg', 't10.jpg']);
    expect(detail.warnings[0]).toMatch(/7 frames missing from the numbering 1–10: 2, 3, 4, 5, 6/);
    const turn = await h.call('spins.create', {
      folder: { catalogId: (await h.call('catalogs.list', {}))[0]?.id ?? 0, path: 'turn' },
    });
    expect(turn.spin).toMatchObject({ name: 'turn', frames: 6, warnings: [] });
    expect(await names()).toHaveLength(4 + 1);
    await expect(h.call('spins.create', { assetIds: loose, name: 'Again' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('renames, reorders, removes frames and dissolves, each undone and redone', async () => {
    const loose = (await h.call('spins.list', {})).find((s) => s.name === 'Loose');
    const id = loose?.id ?? 0;
    const frames = async () => (await h.call('spins.get', { id })).frameList.map((f) => f.name);
    await h.call('spins.rename', { id, name: 'Loose turn' });
    const ids = (await h.call('spins.get', { id })).frameList.map((f) => f.assetId);
    await h.call('spins.reorder', { id, assetIds: [...ids].reverse() });
    expect(await frames()).toEqual(['t10.jpg', 't9.jpg', 't1.jpg']);
    await h.call('edits.undo', {});
    expect(await frames()).toEqual(['t1.jpg', 't9.jpg', 't10.jpg']);
    await h.call('edits.undo', {});
    expect((await h.call('spins.get', { id })).name).toBe('Loose');
    await h.call('edits.redo', {});
    // The cover out: the next frame becomes the tile.
    await h.call('spins.removeFrames', { id, assetIds: [ids[0] ?? 0] });
    expect(await frames()).toEqual(['t9.jpg', 't10.jpg']);
    expect((await names('kind:spin')).map((a) => a.name)).toContain('t9.jpg');
    expect((await names()).map((a) => a.name)).toContain('t1.jpg');
    await h.call('spins.dissolve', { id });
    await expect(h.call('spins.get', { id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await names('folder:loose')).map((a) => a.name)).toEqual([
      't1.jpg',
      't10.jpg',
      't9.jpg',
    ]);
    await h.call('edits.undo', {});
    expect(await frames()).toEqual(['t9.jpg', 't10.jpg']);
    expect((await h.call('spins.get', { id })).name).toBe('Loose turn');
  });

  it('warns of a frame whose file went missing; the spin stays', async () => {
    await rm(join(folder, 'SHOE-1_spin_05.jpg'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const shoe = (await h.call('spins.list', {})).find((s) => s.name === 'SHOE-1');
    expect(shoe).toMatchObject({ frames: 8 });
    expect(shoe?.warnings).toEqual([
      expect.stringMatching(/1 frame missing on disk: SHOE-1_spin_05.jpg/),
    ]);
  });
});
