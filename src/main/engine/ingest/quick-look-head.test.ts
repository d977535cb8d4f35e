// The quick look reads a file's head first: a camera file's placeholder is a function of
// its head alone, so same-size files that share the head share one look, whatever follows.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCameraJpeg } from '../../test-support/camera-jpeg';
import { catalogueFiles } from '../../test-support/look-fixtures';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { PlaceholderRepo } from '../repositories/placeholder-repo';
import { placeholderFromPixels, PLACEHOLDER_SIDE } from '../analysis/placeholder';
import { embeddedThumbnailPixels } from '../tools/sharp/embedded-thumbnail';
import { LookGroups } from './look-groups';
import { quickLook } from './quick-look';

const HEAD = 128 * 1024;

/** Counts the looks run (thumbnail decodes) and the costly groups joined. */
class CountingGroups extends LookGroups {
  looks = 0;
  override head(key: string, look: () => Promise<string | null>): Promise<string | null> {
    return super.head(key, () => (this.looks++, look()));
  }
  override join(key: string, id: number) {
    this.looks++;
    return super.join(key, id);
  }
}

let exiftool: ExifTool;
let dir: string;
let db: Db;

beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  dir = await tempDir('quick-look-head');
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(dir);
});

afterAll(async () => {
  await exiftool.end();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the quick look reads the head first', () => {
  it('one thumbnail decode for same-size camera files that differ past their head', async () => {
    await writeCameraJpeg(exiftool, join(dir, 'shot.tmp'), {
      width: 900,
      height: 600,
      frame: { r: 220, g: 20, b: 20 },
      thumbnail: { r: 20, g: 200, b: 40 },
    });
    const shot = await readFile(join(dir, 'shot.tmp'));
    expect(shot.length).toBeLessThan(HEAD);
    // Past the head: different bytes of one length (a camera's maker notes or picture).
    const pad = Buffer.alloc(HEAD - shot.length, 0);
    await writeFile(join(dir, 'a.jpg'), Buffer.concat([shot, pad, Buffer.alloc(3 * HEAD, 1)]));
    await writeFile(join(dir, 'b.jpg'), Buffer.concat([shot, pad, Buffer.alloc(3 * HEAD, 2)]));
    const ids = await catalogueFiles(db, dir, ['a.jpg', 'b.jpg']);

    const groups = new CountingGroups();
    const files = new AssetFileRepo(db);
    groups.share(files.bySize(ids).shared);
    const placeholders = new PlaceholderRepo(db);
    const [a, b] = await Promise.all(ids.map((id) => quickLook(files, placeholders, groups, id)));
    expect(a?.result).toBe('looked');
    expect(b?.result).toBe('looked');
    expect(a?.placeholder).toBeTruthy();
    expect(b?.placeholder).toBe(a?.placeholder);
    expect(groups.looks).toBe(1);
  });

  it('files without a thumbnail still tell their bodies apart: two leaders', async () => {
    // Same size and head, different bodies, no thumbnail: each is its own costly file.
    const plain = await sharp({
      create: { width: 300, height: 200, channels: 3, background: { r: 9, g: 9, b: 9 } },
    })
      .jpeg()
      .toBuffer();
    const pad = Buffer.alloc(HEAD - plain.length, 0);
    await writeFile(join(dir, 'c.jpg'), Buffer.concat([plain, pad, Buffer.alloc(HEAD, 3)]));
    await writeFile(join(dir, 'd.jpg'), Buffer.concat([plain, pad, Buffer.alloc(HEAD, 4)]));
    await writeFile(join(dir, 'e.jpg'), Buffer.concat([plain, pad, Buffer.alloc(HEAD, 4)]));
    const ids = await catalogueFiles(db, dir, ['c.jpg', 'd.jpg', 'e.jpg']);

    const groups = new LookGroups();
    const files = new AssetFileRepo(db);
    groups.share(files.bySize(ids).shared);
    const placeholders = new PlaceholderRepo(db);
    const looks = await Promise.all(ids.map((id) => quickLook(files, placeholders, groups, id)));
    // c leads its own group (costly); of d and e, whichever reaches the group first leads
    // it (reads finish in any order) and the other waits for its index.
    expect(looks.map((l) => l.placeholder)).toEqual([null, null, null]);
    expect(looks[0]?.result).toBe('costly');
    expect([looks[1]?.result, looks[2]?.result].sort()).toEqual(['costly', 'looked']);
    const [leader, copy] = looks[1]?.result === 'costly' ? [ids[1], ids[2]] : [ids[2], ids[1]];
    expect(groups.settle(leader ?? -1, 'P')).toEqual([copy]);
  });

  it("a file alone in its size is looked without a key; placeholders are its head's own", async () => {
    // Camera files of different sizes and thumbnails, looked all at once and then one at a
    // time (head buffers are reused between looks): each placeholder is the one its own
    // head gives, byte for byte, and no file took a group's look.
    const names: string[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const name = `alone-${n}.jpg`;
      await writeCameraJpeg(exiftool, join(dir, name), {
        width: 700 + 37 * n,
        height: 500 + 11 * n,
        frame: { r: 30 * n, g: 20, b: 20 },
        thumbnail: { r: 20, g: 40 * n, b: 250 - 30 * n },
        orientation: n % 2 === 0 ? 6 : 1,
      });
      names.push(name);
    }
    const expected = await Promise.all(
      names.map(async (name) => {
        const head = (await readFile(join(dir, name))).subarray(0, HEAD);
        const pixels = await embeddedThumbnailPixels(head, PLACEHOLDER_SIDE);
        return pixels ? placeholderFromPixels(pixels) : null;
      }),
    );
    expect(new Set(expected).size).toBe(names.length);
    const ids = await catalogueFiles(db, dir, names);
    const files = new AssetFileRepo(db);
    const groups = new CountingGroups();
    groups.share(files.bySize(ids).shared);
    const together = await Promise.all(
      ids.map((id) => quickLook(files, new PlaceholderRepo(db), groups, id)),
    );
    expect(together.map((l) => l.placeholder)).toEqual(expected);
    expect(groups.looks).toBe(0);
    db.prepare('UPDATE assets SET placeholder = NULL').run();
    const oneByOne: (string | null)[] = [];
    for (const id of ids)
      oneByOne.push((await quickLook(files, new PlaceholderRepo(db), groups, id)).placeholder);
    expect(oneByOne).toEqual(expected);
  });
});
