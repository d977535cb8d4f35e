// Fixtures shared by the quick-look and first-scans tests: a picture whose halves tell its
// orientation and aspect apart, and catalogue rows for files on disk without a walk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Db } from '../engine/db/open-database';
import { AssetFileRepo } from '../engine/repositories/asset-file-repo';

/** Red on the left, blue on the right, `width` × `height`, with noise so its scans carry bytes. */
export function splitImage(width: number, height: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const noise = (x * 31 + y * 17) % 23;
      data[o] = x < width / 2 ? 220 - noise : noise;
      data[o + 1] = noise;
      data[o + 2] = x < width / 2 ? noise : 220 - noise;
    }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** Rows in catalog 1 for the files named (in `dir`), as a walk would add them; their ids. */
export async function catalogueFiles(
  db: Db,
  dir: string,
  names: string[],
  firstIno = 1000,
): Promise<number[]> {
  const files = new AssetFileRepo(db);
  const rows = await Promise.all(
    names.map(async (name, i) => ({
      relPath: name,
      name,
      bytes: (await readFile(join(dir, name))).length,
      mtimeMs: 1,
      kind: 'image' as const,
      ino: firstIno + i,
      dev: 1,
    })),
  );
  const { queue } = files.reconcile(1, rows, true);
  return names.map((name) => queue.find((id) => files.locate(id)?.path.endsWith(name)) ?? -1);
}
