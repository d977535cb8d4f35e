// A look reads its head into a buffer that earlier looks used. Past a short file's end that
// buffer still holds the earlier file's bytes: no reader of the head may see them.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { placeholderFromPixels, PLACEHOLDER_SIDE } from '../analysis/placeholder';
import { embeddedThumbnailPixels } from '../tools/sharp/embedded-thumbnail';
import { openDatabase, type Db } from '../db/open-database';
import { AssetFileRepo } from '../repositories/asset-file-repo';
import { PlaceholderRepo } from '../repositories/placeholder-repo';
import { LookGroups } from './look-groups';
import { quickLook } from './quick-look';

const DEBIAN_CR2 = '/usr/share/doc/rawtran/IMG_5952.CR2';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await tempDir('quick-look-reuse');
  db = openDatabase(join(dir, 'packshot.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, ?, 'c', 'now')`).run(dir);
});

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** A little-endian TIFF whose IFD1 holds a JPEG thumbnail at `at` (as a RAW's does). */
function tiffWithThumbnail(thumb: Buffer, at: number): Buffer {
  const file = Buffer.alloc(at + thumb.length);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(8, 4); // IFD0
  const ifd = (
    offset: number,
    entries: [tag: number, type: number, value: number][],
    next: number,
  ) => {
    file.writeUInt16LE(entries.length, offset);
    entries.forEach(([tag, type, value], i) => {
      const e = offset + 2 + i * 12;
      file.writeUInt16LE(tag, e);
      file.writeUInt16LE(type, e + 2);
      file.writeUInt32LE(1, e + 4);
      if (type === 3) file.writeUInt16LE(value, e + 8);
      else file.writeUInt32LE(value, e + 8);
    });
    file.writeUInt32LE(next, offset + 2 + entries.length * 12);
  };
  ifd(
    8,
    [
      [0x100, 3, 8],
      [0x101, 3, 8],
    ],
    38,
  ); // 8×8 px; IFD1 next
  ifd(
    38,
    [
      [0x201, 4, at],
      [0x202, 4, thumb.length],
    ],
    0,
  );
  thumb.copy(file, at);
  return file;
}

describe('the quick look over reused head buffers', () => {
  it('a file cut off inside its thumbnail is costly, whatever file was looked at before', async () => {
    const thumb = await sharp({
      create: { width: 160, height: 120, channels: 3, background: { r: 20, g: 200, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    const whole = tiffWithThumbnail(thumb, 16 * 1024); // far under the 128 KB head
    await writeFile(join(dir, 'shot.tif'), whole);
    // The same file cut halfway through its thumbnail (a copy still being written).
    await writeFile(join(dir, 'cut.tif'), whole.subarray(0, 16 * 1024 + (thumb.length >> 1)));
    const names = ['shot.tif', 'cut.tif'];
    const files = new AssetFileRepo(db);
    const { queue } = files.reconcile(
      1,
      names.map((name, i) => ({
        relPath: name,
        name,
        bytes: name === 'cut.tif' ? 16 * 1024 + (thumb.length >> 1) : whole.length,
        mtimeMs: 1,
        kind: 'image' as const,
        ino: 100 + i,
        dev: 1,
      })),
      true,
    );
    const [shotId = -1, cutId = -1] = names.map(
      (name) => queue.find((id) => files.locate(id)?.path.endsWith(name)) ?? -1,
    );
    const groups = new LookGroups(); // sizes not shared: each is looked at alone
    const placeholders = new PlaceholderRepo(db);
    const shot = await quickLook(files, placeholders, groups, shotId);
    expect(shot.result).toBe('looked');
    expect(shot.placeholder).toBeTruthy();
    // Looked next, it reads its head into the buffer the shot's look gave back: past its
    // end lies the rest of the shot's thumbnail, which the cut file does not have.
    const cut = await quickLook(files, placeholders, groups, cutId);
    expect(cut).toEqual({ result: 'costly', placeholder: null });
  });

  it.skipIf(!existsSync(DEBIAN_CR2))(
    `a RAW's thumbnail, decoded from the reused head itself, is its own file's (${DEBIAN_CR2})`,
    async () => {
      // exifr cannot take this CR2's thumbnail: it is decoded from a view of the head, itself
      // a view of a reused buffer past 128 KB, while the EXIF is read. The decode must be
      // done before the buffer goes to the next look. Six copies, each its own orientation
      // (so its own placeholder) and size, looked two at a time and then one at a time.
      const cr2 = (await readFile(DEBIAN_CR2)).subarray(0, 300_000);
      const ifd0 = cr2.readUInt32LE(4);
      const entry = [...Array(cr2.readUInt16LE(ifd0)).keys()]
        .map((i) => ifd0 + 2 + i * 12)
        .find((at) => cr2.readUInt16LE(at) === 0x112);
      expect(entry).toBeDefined();
      const names: string[] = [];
      const expected: (string | null)[] = [];
      const entries = [];
      for (const [n, orientation] of [1, 2, 3, 4, 6, 8].entries()) {
        const whole = Buffer.concat([cr2, Buffer.alloc(n)]);
        whole.writeUInt16LE(orientation, (entry ?? 0) + 8);
        const name = `copy-${n}.cr2`;
        await writeFile(join(dir, name), whole);
        const own = Buffer.from(whole.subarray(0, 128 * 1024));
        const pixels = await embeddedThumbnailPixels(own, PLACEHOLDER_SIDE);
        expected.push(pixels && placeholderFromPixels(pixels));
        names.push(name);
        entries.push({
          relPath: name,
          name,
          bytes: whole.length,
          mtimeMs: 1,
          kind: 'raw' as const,
          ino: 200 + n,
          dev: 1,
        });
      }
      expect(new Set(expected).size).toBe(names.length);
      const files = new AssetFileRepo(db);
      const { queue } = files.reconcile(1, entries, true);
      const ids = names.map(
        (name) => queue.find((id) => files.locate(id)?.path.endsWith(name)) ?? -1,
      );
      const placeholders = new PlaceholderRepo(db);
      const groups = new LookGroups(); // sizes not shared: each is looked at alone
      // Two at a time, as the index queue runs them: each next look takes a buffer given back.
      const together: (string | null)[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < ids.length; i = next++)
          together[i] = (await quickLook(files, placeholders, groups, ids[i] ?? -1)).placeholder;
      };
      await Promise.all([worker(), worker()]);
      expect(together).toEqual(expected);
      db.prepare('UPDATE assets SET placeholder = NULL').run();
      const oneByOne: (string | null)[] = [];
      for (const id of ids)
        oneByOne.push((await quickLook(files, placeholders, groups, id)).placeholder);
      expect(oneByOne).toEqual(expected);
    },
  );
});
