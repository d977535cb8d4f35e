// XMP both ways, checked with exiftool: it reads what Packshot wrote, and Packshot reads
// what it wrote. RAW bytes are never touched.
import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';

const DEBIAN_CR2 = '/usr/share/doc/rawtran/IMG_5952.CR2';
let exiftool: ExifTool;
let h: Harness;
let folder: string;
let catalogId: number;

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

beforeAll(async () => {
  folder = await tempDir('xmp');
  await writeFile(join(folder, 'side.jpg'), await makeImage(200, 100, 'jpeg', 1));
  await writeFile(join(folder, 'front.jpg'), await makeImage(200, 100, 'jpeg', 2));
  await writeFile(join(folder, 'other-tool.jpg'), await makeImage(200, 100, 'jpeg', 3));
  if (existsSync(DEBIAN_CR2)) await copyFile(DEBIAN_CR2, join(folder, 'raw.CR2'));
  h = await startHarness({ watch: true });
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await eventually(async () => {
    const all = await h.all();
    return all.length === (existsSync(DEBIAN_CR2) ? 4 : 3) && all.every((a) => a.state === 'ok');
  }, 'indexed');
  exiftool = new ExifTool({ maxProcs: 1 });
}, 60_000);

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('XMP write-back', () => {
  it('writes nothing while write-back is off (the default)', async () => {
    const side = await h.byName('side.jpg');
    await h.call('assets.edit', { ids: [side.id], rating: 2 });
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(join(folder, 'side.xmp'))).toBe(false);
  });

  it('writes keywords, hierarchy, rating and label to a sidecar that exiftool reads', async () => {
    await h.call('catalogs.configure', { id: catalogId, xmp: 'sidecar' });
    const side = await h.byName('side.jpg');
    await h.call('tags.apply', { ids: [side.id], path: 'Product|Shoes|Sneakers' });
    await h.call('assets.edit', { ids: [side.id], rating: 4, label: 'green' });
    const sidecar = join(folder, 'side.xmp');
    const tags = await eventually(async () => {
      if (!existsSync(sidecar)) return undefined;
      const read = await exiftool.read(sidecar);
      return read.Rating === 4 ? read : undefined;
    }, 'sidecar written');
    expect(tags.Subject).toEqual(['Product', 'Shoes', 'Sneakers']);
    expect(tags.HierarchicalSubject).toEqual(['Product|Shoes|Sneakers']);
    expect(tags.Label).toBe('Green');
  });

  it('writes into the file when asked, atomically, keeping the image readable', async () => {
    await h.call('catalogs.configure', { id: catalogId, xmp: 'embedded' });
    const front = await h.byName('front.jpg');
    await h.call('assets.edit', { ids: [front.id], rating: 5 });
    const path = join(folder, 'front.jpg');
    await eventually(
      async () => ((await exiftool.read(path)).Rating === 5 ? true : undefined),
      'embedded rating',
    );
    expect(existsSync(join(folder, 'front.xmp'))).toBe(false);
    const after = await eventually(async () => {
      const asset = await h.byName('front.jpg');
      return asset.state === 'ok' && asset.hash !== front.hash ? asset : undefined;
    }, 'file re-read after the write');
    expect(after.id).toBe(front.id);
    expect(after.rating).toBe(5);
  });

  it.skipIf(!existsSync(DEBIAN_CR2))(
    'never writes into a RAW file, even in embedded mode: a sidecar instead',
    async () => {
      const raw = await h.byName('raw.CR2');
      const before = await sha(join(folder, 'raw.CR2'));
      await h.call('assets.edit', { ids: [raw.id], rating: 3 });
      await eventually(async () => {
        const sidecar = join(folder, 'raw.xmp');
        return existsSync(sidecar) && (await exiftool.read(sidecar)).Rating === 3
          ? true
          : undefined;
      }, 'RAW sidecar written');
      expect(await sha(join(folder, 'raw.CR2'))).toBe(before);
    },
  );

  it('reads what another tool writes to a sidecar: keywords and rating', async () => {
    const other = await h.byName('other-tool.jpg');
    await exiftool.write(join(folder, 'other-tool.xmp'), {
      'XMP-dc:Subject': ['studio'],
      'XMP-lr:HierarchicalSubject': ['Location|Studio A'],
      'XMP-xmp:Rating': 3,
    } as never);
    const read = await eventually(async () => {
      const asset = await h.call('assets.get', { id: other.id });
      return asset.rating === 3 ? asset : undefined;
    }, 'sidecar picked up by the watcher');
    expect(read.keywords).toEqual(expect.arrayContaining(['Location|Studio A', 'studio']));
    expect(
      (await h.call('assets.list', { query: 'tag:"Studio A"' })).items.map((a) => a.id),
    ).toEqual([other.id]);
  });
});
