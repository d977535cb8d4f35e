// Real image bytes for tests, made with sharp: a gradient with a shape so thumbnails and
// hashes differ per image.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `packshot-${prefix}-`));
}

export async function makeImage(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif',
  seed = 0,
): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},70%,60%)"/>
    <stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},70%,40%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="white"/>
  </svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

export interface SampleFolder {
  dir: string;
  good: { name: string; width: number; height: number; format: string }[];
  bad: { name: string; reason: RegExp }[];
}

/** A folder of six good images in six formats and three bad files. */
export async function makeSampleFolder(dir: string): Promise<SampleFolder> {
  const good = [
    { name: 'shoe-front.jpg', width: 640, height: 480, format: 'jpeg' as const },
    { name: 'shoe-side.png', width: 300, height: 200, format: 'png' as const },
    { name: 'bag.webp', width: 800, height: 600, format: 'webp' as const },
    { name: 'spin.gif', width: 120, height: 90, format: 'gif' as const },
    { name: 'print.tiff', width: 500, height: 700, format: 'tiff' as const },
    { name: 'hat.avif', width: 400, height: 400, format: 'avif' as const },
  ];
  for (const [i, g] of good.entries()) {
    await writeFile(join(dir, g.name), await makeImage(g.width, g.height, g.format, i));
  }
  const jpeg = await makeImage(1200, 900, 'jpeg', 9);
  await writeFile(join(dir, 'empty.jpg'), Buffer.alloc(0));
  await writeFile(join(dir, 'notes.jpg'), 'These are notes, not a photo.\n');
  await writeFile(join(dir, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  return {
    dir,
    good,
    bad: [
      { name: 'empty.jpg', reason: /empty file/i },
      { name: 'notes.jpg', reason: /not an image/i },
      { name: 'truncated.jpg', reason: /truncated|damaged/i },
    ],
  };
}
