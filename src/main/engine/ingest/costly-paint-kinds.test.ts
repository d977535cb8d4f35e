// The costly files' paint step changes when a placeholder shows, never what is indexed:
// every kind of file, decodable or not, broken or not, is indexed to the same row, thumbnail
// and placeholder with the paint (a live engine's looks) as without it (the command line's).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../shared/dto';
import { startHarness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { makePdf } from '../../test-support/sample-pdfs';

const HEIF_ENC = '/usr/bin/heif-enc';

let dir: string;
let photos: string;

beforeAll(async () => {
  dir = await tempDir('costly-kinds');
  photos = join(dir, 'photos');
  await mkdir(photos);
  const put = (name: string, data: Buffer | Uint8Array): Promise<void> =>
    writeFile(join(photos, name), data);
  const gradient = await makeImage(900, 600, 'png', 5);
  // No camera thumbnail in any of these: the looks find the decodable ones costly.
  await put(
    'rotated.jpg',
    await sharp(gradient).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
  );
  await put(
    'progressive.jpg',
    await sharp(await makeImage(3000, 2000, 'png', 6))
      .jpeg({ progressive: true })
      .toBuffer(),
  );
  await put('alpha.png', await sharp(gradient).ensureAlpha(0.5).png().toBuffer());
  await put('wrong-ext.jpg', await makeImage(500, 400, 'png', 7));
  await put('broken.jpg', Buffer.from('not a jpeg at all'));
  await put('truncated.jpg', (await makeImage(800, 600, 'jpeg', 8)).subarray(0, 3000));
  await put('empty.jpg', Buffer.alloc(0));
  await put('anim.gif', await makeImage(400, 300, 'gif', 9));
  await put('pic.tiff', await makeImage(600, 400, 'tiff', 10));
  await put('pic.webp', await makeImage(600, 400, 'webp', 11));
  await put(
    'vector.svg',
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#c33"/></svg>',
    ),
  );
  await put('manual.pdf', makePdf({ title: 'Manual', pages: [['One page']] }));
  await put('fake.cr2', Buffer.from('no raw here'));
  // Two copies of one costly content, and a third name for it.
  const copy = await makeImage(700, 500, 'jpeg', 12);
  await put('copy-a.jpg', copy);
  await put('copy-b.jpg', copy);
  if (existsSync(HEIF_ENC)) {
    const source = join(dir, 'source.jpg');
    await writeFile(source, await makeImage(640, 480, 'jpeg', 13));
    execFileSync(HEIF_ENC, ['-q', '50', '-o', join(photos, 'phone.heic'), source]);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * An asset as indexed, without what differs between two engines (ids, times). Which of two
 * identical copies indexed side by side is the original is settled in any order (whichever
 * records its hash first: AssetFileRepo.withHash), so a copy is named by being one; each
 * run's pair is checked on its own.
 */
function indexed(a: Asset): unknown {
  const { id: _id, addedAt: _added, duplicateOf, ...rest } = a as Asset & { addedAt?: unknown };
  return { ...rest, copy: duplicateOf !== null };
}

/** The two copies of one content: exactly one points at the other. */
function onePairOfCopies(assets: Asset[]): void {
  const pair = assets.filter((a) => a.name.startsWith('copy-'));
  expect(pair).toHaveLength(2);
  const [a, b] = pair as [Asset, Asset];
  // One is the original (no duplicateOf), the other points at it.
  expect([a.duplicateOf === b.id, b.duplicateOf === a.id].filter(Boolean)).toHaveLength(1);
  expect(a.duplicateOf === null || b.duplicateOf === null).toBe(true);
}

describe("the costly files' paint step", () => {
  it('indexes every kind of file as the command line does, with the same thumbnails', async () => {
    const runs: { assets: unknown[]; thumbs: Map<string, Buffer> }[] = [];
    for (const quickLook of [false, true]) {
      const h = await startHarness({ concurrency: 2, quickLook });
      try {
        await h.call('catalogs.add', { path: photos });
        await h.call('jobs.wait', {});
        const assets = (await h.all()).sort((a, b) => a.name.localeCompare(b.name));
        onePairOfCopies(assets);
        const thumbs = new Map<string, Buffer>();
        const root = join(h.dataDir, 'cache');
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true }))
          if (entry.isFile())
            thumbs.set(entry.name, await readFile(join(entry.parentPath, entry.name)));
        runs.push({ assets: assets.map(indexed), thumbs });
      } finally {
        await h.dispose();
      }
    }
    const [without, withPaint] = runs;
    expect(withPaint?.assets).toEqual(without?.assets);
    expect([...(withPaint?.thumbs.keys() ?? [])].sort()).toEqual(
      [...(without?.thumbs.keys() ?? [])].sort(),
    );
    for (const [name, data] of without?.thumbs ?? [])
      expect(withPaint?.thumbs.get(name)?.equals(data), name).toBe(true);
  });
});
