// A folder of generated images with known sizes, plus the three bad files of the first slice.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export interface GoodImage {
  name: string;
  width: number;
  height: number;
  /** As the preview panel names it. */
  format: 'JPEG' | 'PNG';
}

export interface BadImage {
  name: string;
  kind: 'empty' | 'not-an-image' | 'truncated';
}

export interface ImageSet {
  dir: string;
  good: GoodImage[];
  bad: BadImage[];
}

/** Distinct sizes (no two share width × height), JPEG and PNG mixed. */
const GOOD: ReadonlyArray<readonly [number, number, 'jpg' | 'png']> = [
  [640, 480, 'jpg'],
  [800, 600, 'jpg'],
  [1024, 768, 'png'],
  [1280, 720, 'jpg'],
  [1920, 1080, 'jpg'],
  [600, 600, 'png'],
  [480, 640, 'jpg'],
  [720, 1280, 'png'],
  [1000, 1500, 'jpg'],
  [320, 240, 'png'],
  [1600, 900, 'jpg'],
  [1200, 800, 'png'],
];

export async function generateImages(dir: string): Promise<ImageSet> {
  const good = await Promise.all(
    GOOD.map(async ([width, height, ext], i): Promise<GoodImage> => {
      const name = `photo-${String(i + 1).padStart(2, '0')}-${width}x${height}.${ext}`;
      // A distinct flat colour per file, with a darker square so thumbnails are not blank.
      const background = { r: (i * 67) % 256, g: (i * 131 + 40) % 256, b: (i * 29 + 90) % 256 };
      const side = Math.floor(Math.min(width, height) / 2);
      const square = await sharp({
        create: { width: side, height: side, channels: 3, background: { r: 20, g: 20, b: 20 } },
      })
        .png()
        .toBuffer();
      const image = sharp({ create: { width, height, channels: 3, background } }).composite([
        { input: square, top: Math.floor(height / 4), left: Math.floor(width / 4) },
      ]);
      const bytes =
        ext === 'jpg' ? await image.jpeg({ quality: 85 }).toBuffer() : await image.png().toBuffer();
      await writeFile(path.join(dir, name), bytes);
      return { name, width, height, format: ext === 'jpg' ? 'JPEG' : 'PNG' };
    }),
  );

  // Noise compresses badly, so half of this JPEG cuts well inside the entropy-coded data: the
  // header (and so the dimensions) still reads, decoding the pixels does not.
  const noiseWidth = 900;
  const noiseHeight = 700;
  const noisy = await sharp(randomBytes(noiseWidth * noiseHeight * 3), {
    raw: { width: noiseWidth, height: noiseHeight, channels: 3 },
  })
    .jpeg({ quality: 90 })
    .toBuffer();

  const bad: BadImage[] = [
    { name: 'broken-empty.jpg', kind: 'empty' },
    { name: 'broken-text.jpg', kind: 'not-an-image' },
    { name: 'broken-truncated.jpg', kind: 'truncated' },
  ];
  await writeFile(path.join(dir, 'broken-empty.jpg'), Buffer.alloc(0));
  await writeFile(
    path.join(dir, 'broken-text.jpg'),
    'This is a text file that only pretends to be a JPEG.\n',
  );
  await writeFile(
    path.join(dir, 'broken-truncated.jpg'),
    noisy.subarray(0, Math.floor(noisy.length / 2)),
  );

  return { dir, good, bad };
}

/** name → sha256 of every file in a folder: to check that originals were only read. */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const snapshot: Record<string, string> = {};
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    snapshot[entry.name] = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(file))
          .digest('hex')
      : `<${entry.isDirectory() ? 'dir' : 'other'}>`;
  }
  return snapshot;
}
