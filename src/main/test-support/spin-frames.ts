// Frames of a 360° spin for tests: a coloured bar turning about the centre, so each frame
// is a distinct image (its own hash and pixels) and the order can be seen.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export async function spinFrame(index: number, of: number, size = 64): Promise<Buffer> {
  const angle = (index * 360) / of;
  const hue = Math.round(angle) % 360;
  const c = size / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="#f4f4f4"/>
    <rect x="${c - size * 0.4}" y="${c - size * 0.08}" width="${size * 0.8}" height="${size * 0.16}"
      fill="hsl(${hue},80%,45%)" transform="rotate(${angle} ${c} ${c})"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** Writes frames named by `name(i)` (i from 1) into a folder; `skip` numbers are left out. */
export async function writeSpinFrames(
  folder: string,
  count: number,
  name: (i: number) => string,
  skip: readonly number[] = [],
): Promise<void> {
  for (let i = 1; i <= count; i++)
    if (!skip.includes(i)) await writeFile(join(folder, name(i)), await spinFrame(i - 1, count));
}
