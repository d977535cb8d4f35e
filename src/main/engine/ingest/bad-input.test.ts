// Bad input: each bad file ends in an error on that asset with a specific reason, and
// the scan indexes everything else.
import { mkdir, open, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;

/** A valid PNG header that claims width × height, with a tiny body: a decompression bomb. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HOSTILE_NAMES = ['café crème.jpg', '🥿 slipper.jpg', 'line\nbreak.jpg', '日本語の名前.jpg'];

beforeAll(async () => {
  folder = await tempDir('bad-input');
  await writeFile(join(folder, 'good.jpg'), await makeImage(320, 240, 'jpeg', 1));
  await writeFile(join(folder, 'png-named.jpg'), await makeImage(100, 50, 'png', 2));
  await writeFile(join(folder, 'bomb.png'), pngClaiming(30000, 30000));
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    await writeFile(join(folder, name), await makeImage(64 + i, 48, 'jpeg', 10 + i));
  }
  await mkdir(join(folder, 'loop'));
  await symlink('..', join(folder, 'loop', 'back-up'));
  // 2 GB that is not an image, as a sparse file: the disk holds almost nothing.
  for (const name of ['huge.jpg', 'huge.mov']) {
    const handle = await open(join(folder, name), 'w');
    await handle.truncate(2 * 1024 ** 3);
    await handle.close();
  }
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 300_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('bad input', () => {
  it('refuses a 30000×30000 PNG by its pixel limit, from the header', async () => {
    expect(await h.byName('bomb.png')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/too large: more than 268 megapixels/) as unknown,
    });
  });

  it('flags a file whose content does not match its extension', async () => {
    expect(await h.byName('png-named.jpg')).toMatchObject({
      state: 'error',
      error: 'Wrong extension: the content is PNG, the name says .jpg',
      thumb: 'ready',
    });
  });

  it('indexes names with accents, emoji, newlines and other scripts', async () => {
    for (const name of HOSTILE_NAMES) {
      expect(await h.byName(name), JSON.stringify(name)).toMatchObject({
        state: 'ok',
        thumb: 'ready',
      });
    }
  });

  it('does not follow a symlink loop', async () => {
    const names = (await h.all()).map((a) => a.relPath);
    expect(names.filter((n) => n.includes('back-up'))).toEqual([]);
  });

  it('handles a 2 GB file that is not an image without reading it into memory', async () => {
    expect(await h.byName('huge.jpg')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/^Not an image/) as unknown,
    });
    // Not a video either: ffprobe refuses it without reading 2 GB (its own probe size).
    expect(await h.byName('huge.mov')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/^Damaged or cut-short video: /) as unknown,
      kind: 'video',
      bytes: 2 * 1024 ** 3,
    });
  });

  it('still indexes the good file', async () => {
    expect(await h.byName('good.jpg')).toMatchObject({ state: 'ok', width: 320, height: 240 });
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a file it may not read (skipped as root: root reads any file)',
    async () => {
      const locked = join(folder, 'locked.jpg');
      await writeFile(locked, await makeImage(10, 10, 'jpeg', 3), { mode: 0o000 });
      await h.call('catalogs.scan', {});
      await h.call('jobs.wait', {});
      expect(await h.byName('locked.jpg')).toMatchObject({
        state: 'error',
        error: 'Permission denied',
      });
    },
  );
});
