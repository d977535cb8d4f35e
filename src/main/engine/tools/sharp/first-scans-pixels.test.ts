import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitImage } from '../../../test-support/look-fixtures';
import { tempDir } from '../../../test-support/sample-images';
import type { Pixels } from '../../analysis/analyze-pixels';
import { firstScansPixels } from './first-scans-pixels';
import { firstScansEnd } from './jpeg-first-scans';

let dir: string;

beforeAll(async () => {
  dir = await tempDir('first-scans');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer): Promise<{ path: string; bytes: Buffer }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

const at = (px: Pixels, x: number, y: number): number[] => {
  const o = (y * px.width + x) * 4;
  return [px.data[o] ?? 0, px.data[o + 1] ?? 0, px.data[o + 2] ?? 0, px.data[o + 3] ?? 0];
};

describe('firstScansPixels', () => {
  it("decodes a progressive JPEG's DC scans: the whole frame, its aspect, its colours", async () => {
    const file = await write(
      'wide.jpg',
      await splitImage(1600, 800).jpeg({ progressive: true, quality: 95 }).toBuffer(),
    );
    // A head shorter than the DC scans: the rest is read from the file.
    const head = file.bytes.subarray(0, 1024);
    expect(firstScansEnd(head, false)).toBe('more');
    const px = await firstScansPixels(file.path, file.bytes.length, head, 32);
    expect(px).not.toBeNull();
    if (!px) return;
    expect([px.width, px.height]).toEqual([32, 16]);
    const [lr = 0, , lb = 0, alpha] = at(px, 4, 8);
    const [rr = 0, , rb = 0] = at(px, 27, 8);
    expect(lr > 150 && lb < 60).toBe(true); // red on the left
    expect(rb > 150 && rr < 60).toBe(true); // blue on the right
    expect(alpha).toBe(255);
  });

  it('turns the frame upright by its EXIF orientation, as the grid thumbnail does', async () => {
    const file = await write(
      'turned.jpg',
      await splitImage(1600, 800)
        .jpeg({ progressive: true })
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );
    const px = await firstScansPixels(file.path, file.bytes.length, file.bytes, 32);
    expect(px && [px.width, px.height]).toEqual([16, 32]);
  });

  it('gives null, never throws, for what it does not read', async () => {
    const progressive = await splitImage(800, 600).jpeg({ progressive: true }).toBuffer();
    const end = firstScansEnd(progressive, true);
    if (typeof end !== 'number') throw new Error('the sample is not progressive');
    const damaged = Buffer.from(progressive);
    // The DC scan's data overwritten with a marker the scan cannot hold.
    damaged.fill(0xff, end - 40, end - 20);
    damaged[end - 20] = 0xd8;
    const cases: [string, Buffer][] = [
      ['baseline.jpg', await splitImage(800, 600).jpeg().toBuffer()],
      ['picture.png', await splitImage(80, 60).png().toBuffer()],
      ['cut.jpg', progressive.subarray(0, end - 10)], // the file ends inside its DC scan
      ['damaged.jpg', damaged],
      ['empty.jpg', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of cases) {
      const file = await write(name, bytes);
      const head = bytes.subarray(0, 512);
      await expect(firstScansPixels(file.path, bytes.length, head, 32), name).resolves.toBeNull();
    }
    // A file gone, or shorter than the size the catalog holds for it.
    const gone = join(dir, 'gone.jpg');
    await expect(
      firstScansPixels(gone, progressive.length, progressive.subarray(0, 512), 32),
    ).resolves.toBeNull();
    const shrunk = await write('shrunk.jpg', progressive.subarray(0, 600));
    await expect(
      firstScansPixels(shrunk.path, progressive.length, progressive.subarray(0, 512), 32),
    ).resolves.toBeNull();
    // And the same file whole still decodes (the cases above failed for their damage).
    const whole = await write('whole.jpg', progressive);
    const px = await firstScansPixels(
      whole.path,
      progressive.length,
      await readFile(whole.path),
      32,
    );
    expect(px && [px.width, px.height]).toEqual([32, 24]);
  });

  it('gives up on a DC scan that never ends, without reading the file through', async () => {
    // A progressive header, then zeros to past 2 GiB (sparse on disk): a download preallocated
    // and never written, a damaged file. Its DC scan has no end to find; growing its reads
    // 4× each, the look read 1 GiB, then asked fs.read for more than 2 GiB, which throws
    // inside the open callback: an uncaught exception, not a null.
    const progressive = await splitImage(800, 600).jpeg({ progressive: true }).toBuffer();
    const sos = progressive.indexOf(Buffer.from([0xff, 0xda]));
    const header = progressive.subarray(0, sos + 2 + progressive.readUInt16BE(sos + 2));
    const file = await write('preallocated.jpg', header);
    const bytes = 2 ** 31 + 2 ** 20;
    await truncate(file.path, bytes);
    await expect(
      // The look's head: its first 128 KB.
      firstScansPixels(file.path, bytes, Buffer.concat([header, Buffer.alloc(128 * 1024)]), 32),
    ).resolves.toBeNull();
  });
});
