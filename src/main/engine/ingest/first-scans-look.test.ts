// A progressive JPEG without a camera thumbnail is painted from its DC scans once the looks
// are done (its look only finds it due), instead of waiting in the costly lane for its full
// index; that index then writes the placeholder it always wrote.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { thumbHashToApproximateAspectRatio, thumbHashToAverageRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/events';
import { startHarness } from '../../test-support/engine-harness';
import { catalogueFiles, splitImage } from '../../test-support/look-fixtures';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { PlaceholderRepo } from '../repositories/placeholder-repo';
import { FirstScansLater } from './first-scans-later';
import { LookGroups } from './look-groups';
import { quickLook, type QuickLook } from './quick-look';

let dir: string;
/** The catalog's folder, apart from the look test's own database. */
let photos: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('first-scans-look');
  photos = join(dir, 'photos');
  await mkdir(photos);
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(
    photos,
  );
  const progressive = await splitImage(1800, 900)
    .jpeg({ progressive: true, quality: 95 })
    .toBuffer();
  await writeFile(join(photos, 'progressive.jpg'), progressive);
  await writeFile(join(photos, 'progressive-copy.jpg'), progressive);
  await writeFile(join(photos, 'baseline.jpg'), await splitImage(1800, 900).jpeg().toBuffer());
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the DC scans the looks left due, as the pipeline does once they are all done. */
async function paintLater(
  looks: QuickLook[],
  placeholders: PlaceholderRepo,
  groups: LookGroups,
): Promise<{ painted: Map<number, string>; costly: number[] }> {
  const later = new FirstScansLater(placeholders, groups);
  for (const look of looks) if (look.firstScans) later.add(look.firstScans);
  const painted = new Map<number, string>();
  const costly: number[] = [];
  await later.run(2, { paint: (id, p) => painted.set(id, p), costly: (id) => costly.push(id) });
  return { painted, costly };
}

/**
 * A ThumbHash of a red-left, blue-right 2:1 frame: its aspect (ThumbHash keeps it coarsely:
 * 1.75 for 2:1), and red and blue, no green.
 */
function splitFrame(placeholder: string | null): boolean {
  const hash = Buffer.from(placeholder ?? '', 'base64');
  const aspect = thumbHashToApproximateAspectRatio(hash);
  const { r, g, b } = thumbHashToAverageRGBA(hash);
  return Math.abs(aspect - 2) < 0.3 && r > 0.25 && b > 0.25 && g < 0.2;
}

describe('the look at a progressive JPEG without a camera thumbnail', () => {
  it('paints it from its DC scans, and its copy with it; a baseline JPEG stays costly', async () => {
    const ids = await catalogueFiles(
      db,
      photos,
      ['progressive.jpg', 'progressive-copy.jpg', 'baseline.jpg'],
      2000,
    );
    const groups = new LookGroups();
    const files = new AssetFileRepo(db);
    const placeholders = new PlaceholderRepo(db);
    const looks = await Promise.all(ids.map((id) => quickLook(files, placeholders, groups, id)));
    expect(looks.map((l) => l.result)).toEqual(['looked', 'looked', 'costly']);
    // The looks decode no scans: they only find which files are due for it.
    expect(looks.map((l) => l.firstScans?.id)).toEqual([ids[0], ids[1], undefined]);
    expect(looks.map((l) => l.placeholder)).toEqual([null, null, null]);
    for (const id of ids) expect(placeholders.has(id)).toBe(false);
    const { painted, costly } = await paintLater(looks, placeholders, groups);
    const [first, copy, baseline] = ids.map((id) => painted.get(id) ?? null);
    expect(costly).toEqual([]);
    expect(splitFrame(first ?? null)).toBe(true);
    expect(copy).toBe(first);
    expect(baseline).toBeNull();
    for (const [n, id] of ids.slice(0, 2).entries())
      expect(placeholders.has(id), `placeholder stored for look ${n}`).toBe(true);
  });

  it('is replaced by the full index, which writes what it writes without a look', async () => {
    const without = await startHarness({ concurrency: 1, quickLook: false });
    const withLook = await startHarness({ concurrency: 1, quickLook: true });
    try {
      const painted: { name: EventName; id: number; placeholder: string | null }[] = [];
      const stop = withLook.engine.subscribe((name, payload) => {
        if (name !== 'assets.placeholders' && name !== 'assets.indexed') return;
        for (const item of (payload as { items: { id: number; placeholder?: string }[] }).items)
          painted.push({ name, id: item.id, placeholder: item.placeholder ?? null });
      });
      for (const h of [without, withLook]) {
        await h.call('catalogs.add', { path: photos });
        await h.call('jobs.wait', {});
      }
      stop();
      const fromIndex = await without.byName('progressive.jpg');
      const looked = await withLook.byName('progressive.jpg');
      // Its first paint came from its look, before its own index result.
      const paint = painted.findIndex(
        (e) => e.id === looked.id && e.name === 'assets.placeholders',
      );
      const index = painted.findIndex((e) => e.id === looked.id && e.name === 'assets.indexed');
      expect(paint).toBeGreaterThanOrEqual(0);
      expect(paint).toBeLessThan(index);
      const first = painted[paint]?.placeholder ?? null;
      expect(splitFrame(first)).toBe(true);
      const aspect = (p: string | null): number =>
        thumbHashToApproximateAspectRatio(Buffer.from(p ?? '', 'base64'));
      expect(aspect(first)).toBe(aspect(fromIndex.placeholder));
      // The index result is the one a scan without looks gives.
      expect(looked.placeholder).toBe(fromIndex.placeholder);
      expect(looked).toMatchObject({ state: 'ok', thumb: 'ready' });
      expect(splitFrame(looked.placeholder)).toBe(true);
    } finally {
      await without.dispose();
      await withLook.dispose();
    }
  });

  it('paints copies of one size (a look group) from one look at its DC scans', async () => {
    // The first test's looks are alone in their sizes (no sizes shared): here the pipeline's
    // bySize says the copies share theirs, so they go through their group (head, body, tail).
    const progressive = await readFile(join(photos, 'progressive.jpg'));
    for (const name of ['group-a.jpg', 'group-b.jpg', 'group-c.jpg'])
      await writeFile(join(photos, name), progressive);
    const ids = await catalogueFiles(
      db,
      photos,
      ['group-a.jpg', 'group-b.jpg', 'group-c.jpg'],
      2000,
    );
    const files = new AssetFileRepo(db);
    const groups = new LookGroups();
    groups.share(files.bySize(ids).shared);
    const placeholders = new PlaceholderRepo(db);
    const looks = await Promise.all(ids.map((id) => quickLook(files, placeholders, groups, id)));
    // One file of the group is due for its DC scans; the copies wait on it.
    expect(looks.filter((l) => l.firstScans).length).toBe(1);
    expect(looks.map((l) => l.result)).toEqual(['looked', 'looked', 'looked']);
    const { painted } = await paintLater(looks, placeholders, groups);
    expect(splitFrame(painted.get(ids[0] ?? -1) ?? null)).toBe(true);
    expect([...painted.keys()].sort()).toEqual([...ids].sort());
    expect(new Set(painted.values()).size).toBe(1);
    for (const id of ids) expect(placeholders.has(id)).toBe(true);
  });

  it("is left to a file's index begun first, and an index waits for one begun", async () => {
    const progressive = await readFile(join(photos, 'progressive.jpg'));
    // Sizes of their own: not a look group, and not the files above.
    await writeFile(join(photos, 'claim-a.jpg'), Buffer.concat([progressive, Buffer.alloc(1)]));
    await writeFile(join(photos, 'claim-b.jpg'), Buffer.concat([progressive, Buffer.alloc(2)]));
    const ids = await catalogueFiles(db, photos, ['claim-a.jpg', 'claim-b.jpg'], 2000);
    const [early = -1, late = -1] = ids;
    const files = new AssetFileRepo(db);
    const placeholders = new PlaceholderRepo(db);
    const groups = new LookGroups();
    const later = new FirstScansLater(placeholders, groups);
    for (const id of ids) {
      const look = await quickLook(files, placeholders, groups, id);
      if (look.firstScans) later.add(look.firstScans);
    }
    expect(later.pending).toBe(2);
    // `early`'s index begins before the run: it is dropped, its index paints it.
    expect(await later.claim(early)).toBe(false);
    const painted: number[] = [];
    const run = later.run(2, { paint: (id) => painted.push(id), costly: () => undefined });
    // `late`'s index begins during its run: it waits for its placeholder.
    expect(await later.claim(late)).toBe(true);
    expect(placeholders.has(late)).toBe(true);
    await run;
    expect(painted).toEqual([late]);
    expect(placeholders.has(early)).toBe(false);
  });
});
