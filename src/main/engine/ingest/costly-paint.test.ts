// A file without a camera thumbnail (a look found it costly) is painted before any costly
// file's full index, from one read and one decode that its index then reuses.
import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../shared/dto';
import { startHarness } from '../../test-support/engine-harness';
import { catalogueFiles, splitImage } from '../../test-support/look-fixtures';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { MediaCache } from '../media/media-cache';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { CostlyPaints } from './costly-paint';

let dir: string;
let photos: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('costly-paint');
  photos = join(dir, 'photos');
  await mkdir(photos);
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(
    photos,
  );
  // Baseline JPEGs with no camera thumbnail: every look finds them costly.
  await writeFile(join(photos, 'wide.jpg'), await splitImage(1600, 800).jpeg().toBuffer());
  const copy = await makeImage(900, 600, 'jpeg', 3);
  await writeFile(join(photos, 'copy-a.jpg'), copy);
  await writeFile(join(photos, 'copy-b.jpg'), copy);
  for (const seed of [1, 2])
    await writeFile(join(photos, `plain-${seed}.jpg`), await makeImage(640, 480, 'jpeg', seed));
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** What an index result is, whichever way its placeholder came first. */
const result = (a: Asset): unknown => [a.name, a.hash, a.placeholder, a.thumb, a.state, a.width];

describe("a costly file's paint", () => {
  it('paints every costly file before any of their indexes, which write what they always wrote', async () => {
    const without = await startHarness({ concurrency: 1, quickLook: false });
    const withLook = await startHarness({ concurrency: 1, quickLook: true });
    // Each index's first write (its hash), with how many placeholders were set by then.
    const log = openDatabase(join(withLook.dataDir, 'packshot.db'));
    log.exec(`CREATE TABLE hash_log (id INTEGER, painted INTEGER);
      CREATE TRIGGER hash_logged AFTER UPDATE OF hash ON assets WHEN OLD.hash IS NULL AND NEW.hash IS NOT NULL
      BEGIN INSERT INTO hash_log SELECT NEW.id, count(*) FROM assets WHERE placeholder IS NOT NULL; END`);
    try {
      const seen: string[] = [];
      const stop = withLook.engine.subscribe((name, payload) => {
        if (name !== 'assets.placeholders' && name !== 'assets.indexed') return;
        for (const item of (payload as { items: { id: number; placeholder?: string }[] }).items)
          seen.push(`${name} ${item.id} ${item.placeholder ?? ''}`);
      });
      const rendered: number[] = [];
      for (const h of [without, withLook]) {
        await h.call('catalogs.add', { path: photos });
        rendered.push((await h.call('jobs.wait', {})).rendered);
      }
      stop();
      const before = (await without.all()).map(result).sort();
      const assets = await withLook.all();
      expect(assets.map(result).sort()).toEqual(before);
      // One thumbnail per content either way: no file decoded twice.
      expect(rendered).toEqual([4, 4]);
      // Every file was painted before the first index began (it was 0: the largest file's
      // index painted it, then the next one's, and so on).
      const logged = log.prepare('SELECT id, painted FROM hash_log').all() as {
        painted: number;
      }[];
      expect(logged).toHaveLength(assets.length);
      expect(logged[0]?.painted).toBe(assets.length);
      // Each placeholder went out once, and is the one its index wrote.
      const painted = seen.filter((e) => e.startsWith('assets.placeholders'));
      for (const a of assets)
        expect(painted, a.name).toContain(`assets.placeholders ${a.id} ${a.placeholder ?? ''}`);
      expect(painted).toHaveLength(assets.length);
    } finally {
      log.close();
      await without.dispose();
      await withLook.dispose();
    }
  });

  it("is reused by the file's index, which neither reads nor decodes it again", async () => {
    const [id = -1] = await catalogueFiles(db, photos, ['plain-1.jpg'], 3000);
    const files = new AssetFileRepo(db);
    const cache = new MediaCache(join(dir, 'cache'));
    const paints = new CostlyPaints({ files, cache });
    const placeholder = await paints.paint(id);
    expect(placeholder).not.toBeNull();
    expect(cache.writes('thumb')).toBe(1);
    const file = files.locate(id);
    if (!file) throw new Error('no row');
    const kept = paints.take(file);
    expect(kept).toMatchObject({ placeholder, bytes: file.bytes });
    expect(kept?.buffer?.length).toBe(file.bytes);
    expect(kept?.px?.width).toBe(320);
    expect(paints.take(file)).toBeNull(); // taken once: nothing held after
  });

  it('is not reused once the row says the file changed', async () => {
    const name = 'changing.jpg';
    const path = join(photos, name);
    await writeFile(path, await makeImage(700, 500, 'jpeg', 9));
    await utimes(path, 1, 1);
    const [id = -1] = await catalogueFiles(db, photos, [name], 4000);
    const files = new AssetFileRepo(db);
    const paints = new CostlyPaints({ files, cache: new MediaCache(join(dir, 'cache-2')) });
    expect(await paints.paint(id)).not.toBeNull();
    const file = files.locate(id);
    if (!file) throw new Error('no row');
    // The watcher saw it change after its paint: a new mtime (or size) on the row.
    expect(paints.take({ ...file, mtimeMs: (await stat(path)).mtimeMs + 1000 })).toBeNull();
  });

  it('leaves a file it cannot decode to its index', async () => {
    await writeFile(join(photos, 'broken.jpg'), Buffer.from('not a jpeg at all'));
    const [id = -1] = await catalogueFiles(db, photos, ['broken.jpg'], 5000);
    const files = new AssetFileRepo(db);
    const paints = new CostlyPaints({ files, cache: new MediaCache(join(dir, 'cache-3')) });
    expect(await paints.paint(id)).toBeNull();
    const file = files.locate(id);
    expect(file && paints.take(file)).toBeNull();
  });
});
