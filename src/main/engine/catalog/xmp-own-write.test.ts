// XMP written into an original is Packshot's own write, not a new version: the file keeps
// its modification time, the asset takes the new hash, and neither the watcher, a rescan
// nor a restart records a version. exiftool's temporary leftovers are removed and ignored.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let exiftool: ExifTool;
let h: Harness;
let folder: string;
let catalogId: number;
const taken = new Date('2021-03-04T05:06:07.000Z');

const sha = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

beforeAll(async () => {
  folder = await tempDir('xmp-own');
  for (const [name, seed] of [
    ['shoe.jpg', 1],
    ['bag.jpg', 2],
  ] as const) {
    await writeFile(join(folder, name), await makeImage(240, 160, 'jpeg', seed));
    await utimes(join(folder, name), taken, taken);
  }
  // A killed write's leftover, older than any write takes: it is no asset and is removed.
  await writeFile(join(folder, 'bag.jpg_exiftool_tmp'), 'half of a file');
  await utimes(join(folder, 'bag.jpg_exiftool_tmp'), taken, taken);
  h = await startHarness({ watch: true });
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await eventually(async () => {
    const all = await h.all();
    return all.length === 2 && all.every((a) => a.state === 'ok');
  }, 'indexed');
  await h.call('catalogs.configure', { id: catalogId, xmp: 'embedded' });
  exiftool = new ExifTool({ maxProcs: 1 });
}, 60_000);

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

it('keeps the mtime and records the write as the same version, through the watcher, a rescan and a restart', async () => {
  const shoe = await h.byName('shoe.jpg');
  const path = join(folder, 'shoe.jpg');
  const before = await sha(path);
  expect(shoe.hash).toBe(before);
  await h.call('tags.apply', { ids: [shoe.id], path: 'Product|Shoes' });
  await eventually(
    async () => ((await exiftool.read(path)).Subject?.includes('Shoes') ? true : undefined),
    'keywords written into the file',
  );
  await h.call('jobs.wait', {});
  const now = await sha(path);
  expect(now).not.toBe(before);
  expect((await stat(path)).mtimeMs).toBe(taken.getTime());

  const settled = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, 400)); // what the watcher saw has arrived
    await h.call('jobs.wait', {});
    await eventually(async () => (await h.all()).every((a) => a.state === 'ok'), 'indexed');
  };
  const versionsAre = async (): Promise<void> => {
    const detail = await h.call('assets.get', { id: shoe.id });
    expect(detail.hash).toBe(now);
    expect(detail.history.map((v) => v.hash)).toEqual([now]);
    expect(detail.keywords).toEqual(expect.arrayContaining(['Product|Shoes']));
  };
  await settled();
  await versionsAre();

  await h.call('catalogs.scan', { id: catalogId });
  await settled();
  await versionsAre();

  await h.restart({ watch: true });
  await h.call('catalogs.scan', { id: catalogId });
  await settled();
  await versionsAre();

  // A change the user makes afterwards is a version again.
  await writeFile(path, await makeImage(240, 160, 'jpeg', 9));
  await h.call('catalogs.scan', { id: catalogId });
  await settled();
  const changed = await h.call('assets.get', { id: shoe.id });
  expect(changed.history).toHaveLength(2);
}, 120_000);

it("removes exiftool's stale temporary file before writing, and never catalogues it", async () => {
  expect((await h.all()).map((a) => a.name).sort()).toEqual(['bag.jpg', 'shoe.jpg']);
  const bag = await h.byName('bag.jpg');
  await h.call('assets.edit', { ids: [bag.id], rating: 4 });
  const path = join(folder, 'bag.jpg');
  await eventually(
    async () => ((await exiftool.read(path)).Rating === 4 ? true : undefined),
    'rating written into the file',
  );
  expect(existsSync(`${path}_exiftool_tmp`)).toBe(false);
  // The rating is in the file before the job records the write (jobs.wait is the index's).
  await eventually(async () => {
    const live = await h.call('jobs.list', { state: ['queued', 'running'] });
    return live.every((j) => j.name !== 'xmp.write');
  }, 'the write-back job finished');
  await h.call('jobs.wait', {});
  const detail = await h.call('assets.get', { id: bag.id });
  expect(detail.history.map((v) => v.hash)).toEqual([await sha(path)]);
}, 60_000);
