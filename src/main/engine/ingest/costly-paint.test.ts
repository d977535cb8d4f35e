// A file without a camera thumbnail (a look found it costly) is painted before any costly
// file's full index, from one read and one decode that its index then reuses.
import { rmSync } from 'node:fs';
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
    const kept = await paints.take(file.id, file);
    expect(kept).toMatchObject({ placeholder, bytes: file.bytes });
    expect(kept?.buffer?.length).toBe(file.bytes);
    expect(kept?.px?.width).toBe(320);
    expect(await paints.take(file.id, file)).toBeNull(); // taken once: nothing held after
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
    expect(
      await paints.take(id, { ...file, mtimeMs: (await stat(path)).mtimeMs + 1000 }),
    ).toBeNull();
  });

  it('leaves a file it cannot decode to its index', async () => {
    await writeFile(join(photos, 'broken.jpg'), Buffer.from('not a jpeg at all'));
    const [id = -1] = await catalogueFiles(db, photos, ['broken.jpg'], 5000);
    const files = new AssetFileRepo(db);
    const paints = new CostlyPaints({ files, cache: new MediaCache(join(dir, 'cache-3')) });
    expect(await paints.paint(id)).toBeNull();
    const file = files.locate(id);
    expect(file && (await paints.take(id, file))).toBeNull();
  });

  it('is not reused once the file is gone or rewritten, before the watcher saw it', async () => {
    const files = new AssetFileRepo(db);
    const paints = new CostlyPaints({ files, cache: new MediaCache(join(dir, 'cache-4')) });
    const names = ['deleted.jpg', 'rewritten.jpg', 'kept.jpg'];
    for (const [i, name] of names.entries())
      await writeFile(join(photos, name), await makeImage(600, 400, 'jpeg', 20 + i));
    const ids = await catalogueFiles(db, photos, names, 6000);
    for (const id of ids) expect(await paints.paint(id)).not.toBeNull();
    const [deleted, rewritten, kept] = ids.map((id) => files.locate(id));
    if (!deleted || !rewritten || !kept) throw new Error('no rows');
    // The rows still say what the paint saw: the watcher has not reported either yet.
    await rm(deleted.path);
    await writeFile(rewritten.path, await makeImage(600, 400, 'png', 30));
    expect(await paints.take(deleted.id, deleted)).toBeNull();
    expect(await paints.take(rewritten.id, rewritten)).toBeNull();
    expect(await paints.take(kept.id, kept)).not.toBeNull();
  });

  it('is let go when the row is gone, or marked missing, before its index', async () => {
    const files = new AssetFileRepo(db);
    const paints = new CostlyPaints({ files, cache: new MediaCache(join(dir, 'cache-5')) });
    const names = ['removed.jpg', 'missing.jpg'];
    for (const [i, name] of names.entries())
      await writeFile(join(photos, name), await makeImage(600, 400, 'jpeg', 40 + i));
    const [removed = -1, missing = -1] = await catalogueFiles(db, photos, names, 7000);
    expect(await paints.paint(removed)).not.toBeNull();
    expect(await paints.paint(missing)).not.toBeNull();
    expect(await paints.take(removed, null)).toBeNull();
    files.markMissing(1, ['missing.jpg']);
    const row = files.locate(missing);
    expect(row?.state).toBe('missing');
    expect(row && (await paints.take(missing, row))).toBeNull();
    // Nothing is held for either any more, and the budget counts nothing.
    expect(paints.holding()).toEqual({ count: 0, bytes: 0 });
  });

  it('does not index a file deleted after its paint as present, from the bytes the paint read', async () => {
    const folder = join(dir, 'deleted-after-paint');
    await mkdir(folder);
    for (const seed of [51, 52, 53])
      await writeFile(join(folder, `p${seed}.jpg`), await makeImage(640, 480, 'jpeg', seed));
    const h = await startHarness({ concurrency: 1, quickLook: true });
    const other = openDatabase(join(h.dataDir, 'packshot.db'));
    let gone = -1;
    // Placeholders go out before the painted files' indexes start (at the latest with the
    // last paint): the first one painted is deleted then, and the watcher records it.
    const stop = h.engine.subscribe((name, payload) => {
      const [first] = (payload as { items: { id: number }[] }).items;
      if (name !== 'assets.placeholders' || gone !== -1 || !first) return;
      gone = first.id;
      const row = other.prepare('SELECT rel_path FROM assets WHERE id = ?').get(gone) as {
        rel_path: string;
      };
      rmSync(join(folder, row.rel_path));
      other.prepare(`UPDATE assets SET state = 'missing' WHERE id = ?`).run(gone);
    });
    try {
      await h.call('catalogs.add', { path: folder });
      await h.call('jobs.wait', {});
      expect(gone).not.toBe(-1);
      const asset = (await h.all()).find((a) => a.id === gone);
      // As without the paint: its index found no file (it was 'ok', with a thumbnail).
      expect(asset?.state).not.toBe('ok');
      expect(asset?.thumb).toBe('none');
    } finally {
      stop();
      other.close();
      await h.dispose();
    }
  });
});
