// Versions through Packshot: replace keeps the old bytes, restore writes them back byte for
// byte as a new version; what is not kept is refused; clones (by a seam) keep outside overwrites.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  eventually,
  startHarness,
  startWithPhotos,
  type PhotoHarness,
} from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
let world: PhotoHarness | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe('versions', () => {
  it('replace then restore gives the original bytes back as v3, tags and links kept', async () => {
    world = await startWithPhotos('versions', ['shoe.jpg'], 3);
    const { h, folder } = world;
    const id = world.id['shoe.jpg']!;
    const path = join(folder, 'shoe.jpg');
    const original = await readFile(path);
    await h.call('tags.apply', { ids: [id], path: 'Summer' });
    const product = await h.call('products.create', { sku: 'SH-1', name: 'Shoe' });
    await h.call('links.add', { productId: product.id, assetIds: [id], role: 'main' });

    const png = join(await tempDir('drop'), 'other.png');
    await writeFile(png, await makeImage(80, 60, 'png', 11));
    await expect(h.call('versions.replace', { id, path: png })).rejects.toThrow(
      /other\.png is PNG; shoe\.jpg must stay JPEG \(its name says \.jpg\)/,
    );
    const next = join(await tempDir('drop'), 'new.jpg');
    await writeFile(next, await makeImage(80, 60, 'jpeg', 11));
    const replaced = await h.call('versions.replace', { id, path: next });
    expect(replaced.n).toBe(2);
    expect(replaced.kept).toBe(sha(original));
    expect(sha(await readFile(path))).toBe(sha(await readFile(next)));
    expect(replaced.versions.map((v) => [v.n, v.restorable, v.current])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    expect(replaced.versions[1]).toMatchObject({ width: 80, height: 60, thumbnail: true });

    const restored = await h.call('versions.restore', { id, n: 1 });
    expect(restored.n).toBe(3);
    expect(sha(await readFile(path))).toBe(sha(original));
    expect(restored.versions.map((v) => v.hash)).toEqual([
      sha(original),
      sha(await readFile(next)),
      sha(original),
    ]);
    // v2's bytes were kept by the restore: it can come back in turn.
    expect(restored.versions.map((v) => v.restorable)).toEqual([true, true, true]);

    const asset = await h.call('assets.get', { id });
    expect(asset).toMatchObject({ id, width: 64, height: 48, versions: 3 });
    expect(asset.keywords).toContain('Summer');
    const linked = await h.call('products.get', { id: product.id });
    expect(linked.links.map((l) => l.assetId)).toEqual([id]);
    // Nothing was written into the catalog but the file itself (no temp files left).
    expect(await readdir(folder)).toEqual(['shoe.jpg']);

    // Compare: v1 and v3 are the same pixels, v1 and v2 are not.
    const same = await h.call('versions.compare', { id, a: 1, b: 3 });
    expect(same.diff).toMatchObject({ changedShare: 0, meanDifference: 0, reason: null });
    const other = await h.call('versions.compare', { id, a: 1, b: 2 });
    expect(other.diff.changedShare).toBeGreaterThan(0.5);
    expect(other.a).toMatchObject({ n: 1, source: 'store', format: 'jpeg', width: 64 });
    expect(other.b).toMatchObject({ n: 2, source: 'store', width: 80 });
    const diffPng = await readFile(other.diff.path!);
    expect(diffPng.subarray(1, 4).toString()).toBe('PNG');
    // Each side's preview is rendered from its own bytes and served, as is an old thumbnail.
    expect([other.a.preview, other.b.preview]).toEqual([true, true]);
    expect(h.engine.resolveMedia('preview', other.b.hash)).not.toBeNull();
    expect(h.engine.resolveMedia('thumb', other.b.hash)).not.toBeNull();
  });

  it('refuses to restore an outside overwrite where the volume cannot clone, and says why', async () => {
    world = await startWithPhotos('versions-noclone', ['a.jpg'], 5);
    const { h, folder } = world;
    const id = world.id['a.jpg']!;
    // The real probe on this machine's volume (ext4/tmpfs here: no reflinks).
    const listed = await h.call('versions.list', { id });
    const probe = probeRow(h.dataDir);
    if (probe.clones === 1) return void expect(listed.clones).toBe(true); // a reflink volume
    expect(listed.clones).toBe(false);
    expect(probe.reason).toMatch(/^E[A-Z]+$/);
    expect(listed.versions).toMatchObject([{ n: 1, restorable: false, current: true }]);

    await writeFile(join(folder, 'a.jpg'), await makeImage(64, 48, 'jpeg', 77));
    await h.call('catalogs.scan', { id: 1 });
    await h.call('jobs.wait', {});
    await expect(h.call('versions.restore', { id, n: 1 })).rejects.toThrow(
      /cannot be restored: its bytes were not kept/,
    );
    await expect(h.call('versions.restore', { id, n: 2 })).rejects.toThrow(/already the current/);
    await expect(h.call('versions.restore', { id, n: 9 })).rejects.toThrow(/no version 9/);
    const compared = await h.call('versions.compare', { id, a: 1, b: 2 });
    expect(compared.a.source).toBeNull();
    expect(compared.diff.reason).toMatch(/Version 1: Its bytes were not kept/);
  });

  it('keeps a clone of each original where the volume clones (seam), so an outside overwrite restores', async () => {
    const folder = await tempDir('versions-clone');
    const first = await makeImage(64, 48, 'png', 9);
    await writeFile(join(folder, 'p.png'), first);
    let clones = 0;
    const h = await startHarness({
      cloneFile: async (src, dst) => {
        clones++;
        await copyFile(src, dst, constants.COPYFILE_EXCL);
      },
    });
    try {
      await h.call('catalogs.add', { path: folder });
      await h.call('jobs.wait', {});
      const id = (await h.byName('p.png')).id;
      expect(probeRow(h.dataDir)).toMatchObject({ clones: 1, reason: null });
      expect(clones).toBe(2); // the probe, then the original

      await writeFile(join(folder, 'p.png'), await makeImage(64, 48, 'png', 10));
      await h.call('catalogs.scan', { id: 1 });
      await h.call('jobs.wait', {});
      const listed = await h.call('versions.list', { id });
      expect(listed.clones).toBe(true);
      // Both kept as clones (said so, for the app), not as full copies.
      expect(listed.versions.map((v) => [v.n, v.restorable, v.kept, v.current])).toEqual([
        [1, true, 'clone', false],
        [2, true, 'clone', true],
      ]);
      const restored = await h.call('versions.restore', { id, n: 1 });
      expect(restored.n).toBe(3);
      expect(sha(await readFile(join(folder, 'p.png')))).toBe(sha(first));
      // Packshot's own XMP write changes the current version's hash: its clone follows.
      await h.call('catalogs.configure', { id: 1, xmp: 'embedded' });
      await h.call('tags.apply', { ids: [id], path: 'Written' });
      const written = await eventually(async () => {
        const now = (await h.call('versions.list', { id })).versions;
        const file = sha(await readFile(join(folder, 'p.png')));
        return now.at(-1)?.hash === file && file !== sha(first) ? now : undefined;
      }, 'the XMP write recorded as the same version');
      expect(written.map((v) => [v.n, v.restorable])).toEqual([
        [1, true],
        [2, true],
        [3, true],
      ]);
      // Probed once per volume and kept: a restart does not probe again.
      await h.restart({
        cloneFile: () => Promise.reject(new Error('probed again')),
      });
      expect((await h.call('versions.list', { id })).clones).toBe(true);
    } finally {
      await h.dispose();
    }
  });
});

function probeRow(dataDir: string): { clones: number; reason: string | null } {
  const db = new Database(join(dataDir, 'packshot.db'), { readonly: true });
  try {
    return db.prepare('SELECT clones, reason FROM clone_support').get() as {
      clones: number;
      reason: string | null;
    };
  } finally {
    db.close();
  }
}
