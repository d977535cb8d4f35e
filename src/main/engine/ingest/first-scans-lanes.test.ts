// The DC-scans runs after the looks: their lanes, their errors and the heads they hold.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { PlaceholderRepo } from '../repositories/placeholder-repo';
import { FirstScansLater, type FirstScansOut } from './first-scans-later';
import type { FirstScansDue } from './first-scans-look';
import { LookGroups } from './look-groups';

let dir: string;
let db: Db;
/** A progressive JPEG past 128 KB, on disk. */
let path: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = await tempDir('first-scans-lanes');
  db = openDatabase(join(dir, 'catalog.db'));
  const [width, height] = [600, 600];
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  path = join(dir, 'noise.jpg');
  await writeFile(
    path,
    await sharp(data, { raw: { width, height, channels: 3 } })
      .jpeg({ progressive: true, quality: 95 })
      .toBuffer(),
  );
  bytes = await readFile(path);
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Placeholders set (the ids have no rows: the real update changes none). */
class Recording extends PlaceholderRepo {
  readonly set: number[] = [];
  constructor(private readonly before: (id: number) => void = () => undefined) {
    super(db);
  }
  override setIfNone(id: number, placeholder: string): boolean {
    this.before(id);
    this.set.push(id);
    return super.setIfNone(id, placeholder);
  }
}

const due = (id: number, headBytes = 128 * 1024): FirstScansDue => ({
  id,
  path,
  bytes: bytes.length,
  head: Buffer.from(bytes.subarray(0, headBytes)),
});

const out: FirstScansOut = { paint: () => undefined, costly: () => undefined };

describe('the DC-scans runs after the looks', () => {
  it('run `concurrency` files at once, however many runs the looks start', async () => {
    let later: FirstScansLater | null = null;
    let most = 0;
    const repo = new Recording(() => {
      const making = (later as unknown as { making: Map<number, unknown> }).making;
      most = Math.max(most, making.size);
    });
    later = new FirstScansLater(repo, new LookGroups());
    for (const id of [1, 2, 3, 4]) later.add(due(id));
    const first = later.run(1, out);
    // The looks of a later burst are done while the first run goes on.
    for (const id of [5, 6]) later.add(due(id));
    const second = later.run(1, out);
    await Promise.all([first, second]);
    expect(repo.set.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(most).toBe(1);
  });

  it('survive a run that throws: later runs, claims and waits go on', async () => {
    const repo = new Recording((id) => {
      if (id === 1) throw new Error('SQLITE_BUSY: database is locked');
    });
    const later = new FirstScansLater(repo, new LookGroups());
    later.add(due(1));
    later.add(due(2));
    await expect(later.run(1, out)).resolves.toBeUndefined();
    await expect(later.claim(1)).resolves.toBe(true);
    later.add(due(3));
    await expect(later.run(1, out)).resolves.toBeUndefined();
    await expect(later.whenDone()).resolves.toBeUndefined();
    expect(repo.set).toEqual([2, 3]); // 1 threw before it was set
  });

  it('hold a bounded number of heads, and paint the files past it from disk', async () => {
    const repo = new Recording();
    const later = new FirstScansLater(repo, new LookGroups());
    const count = 100; // 12.5 MB of heads
    for (let id = 1; id <= count; id++) later.add(due(id));
    const held = (later as unknown as { due: Map<number, FirstScansDue> }).due;
    const heads = [...held.values()].reduce((sum, file) => sum + file.head.length, 0);
    expect(heads).toBeLessThanOrEqual(8 * 1024 * 1024);
    await later.run(2, out);
    expect(repo.set).toHaveLength(count);
  });

  it("leave a file whose scans failed while its index waited to that index's paint", async () => {
    const later = new FirstScansLater(new Recording(), new LookGroups());
    const costly: number[] = [];
    // Its scans need more than the head, from a file gone meanwhile: they paint nothing.
    later.add({ ...due(7, 1024), path: join(dir, 'gone.jpg') });
    const run = later.run(1, { paint: () => undefined, costly: (id) => costly.push(id) });
    // Its index begins while they run: they found it running, so not queued for `costlier`.
    await expect(later.claim(7)).resolves.toBe(false);
    await run;
    expect(costly).toEqual([7]);
  });
});
