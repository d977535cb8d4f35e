import { close, open, read } from 'node:fs';
import type { Pixels } from '../../analysis/analyze-pixels';
import { firstScansJpeg } from './jpeg-first-scans';
import { MAX_INPUT_PIXELS } from './render-thumbnail';
import { sharp } from './sharp-lib';

/** Each read past the head asks for 4× as much (a 5120 px wallpaper's DC scans: 200–300 KB). */
const GROWTH = 4;
/**
 * The most read for the DC scans: a 16384 px square's (the decode's limit) take a few MB.
 * Past it the file is damaged or hostile (a preallocated download of zeros, whose scan never
 * ends), and the full index decides; fs.read also refuses more than 2 GiB at once.
 */
const MAX_READ = 16 * 1024 * 1024;

/**
 * The upright RGBA pixels, at most `side` px, of a progressive JPEG's DC scans alone (see
 * jpeg-first-scans.ts): a rough picture of the whole frame for a ninth of a full decode's
 * CPU (25 ms against 222 for a 5120 px wallpaper). `head`: the file's first bytes, already read; more are read as the scans need.
 * Null when the file is not a progressive JPEG this reads, or anything fails (the caller
 * falls back to the full decode); never throws.
 */
export async function firstScansPixels(
  path: string,
  bytes: number,
  head: Buffer,
  side: number,
): Promise<Pixels | null> {
  try {
    let data = head;
    let jpeg = firstScansJpeg(data, data.length >= bytes);
    while (jpeg === 'more') {
      if (data.length >= MAX_READ) return null;
      const want = Math.min(bytes, MAX_READ, Math.max(data.length * GROWTH, 64 * 1024));
      const longer = await readPrefix(path, want);
      if (longer.length <= data.length) return null; // the file shrank under us
      data = longer;
      jpeg = firstScansJpeg(data, data.length >= bytes);
    }
    if (jpeg === null) return null;
    // failOn 'warning': the cut stream is a whole JPEG, so any warning means damage.
    const { data: rgba, info } = await sharp(jpeg, {
      failOn: 'warning',
      limitInputPixels: MAX_INPUT_PIXELS,
    })
      .rotate() // EXIF orientation, as the grid thumbnail
      .resize(side, side, { fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: rgba };
  } catch {
    return null;
  }
}

/** The file's first `bytes` (fewer at its end), through fs callbacks as the looks read. */
function readPrefix(path: string, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    open(path, 'r', (opening, fd) => {
      if (opening) return reject(opening);
      // A throw in this callback would escape the promise (uncaught, the look never settled).
      try {
        const buffer = Buffer.allocUnsafe(bytes);
        read(fd, buffer, 0, bytes, 0, (reading, bytesRead) =>
          close(fd, () => (reading ? reject(reading) : resolve(buffer.subarray(0, bytesRead)))),
        );
      } catch (error) {
        close(fd, () => reject(error instanceof Error ? error : new Error(String(error))));
      }
    }),
  );
}
