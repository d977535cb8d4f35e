// The exiftool process is started on first use, shared until ended, and started anew after.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { LazyExifTool } from './lazy-exiftool';

describe('LazyExifTool', () => {
  it('ends cleanly when never used', async () => {
    await expect(new LazyExifTool({ maxProcs: 1 }).end()).resolves.toBeUndefined();
  });

  it('starts one tool on first use, shares it, and starts a new one after end()', async () => {
    const dir = await tempDir('lazy-exiftool');
    const file = join(dir, 'a.png');
    await writeFile(file, await makeImage(40, 30, 'png'));
    const lazy = new LazyExifTool({ maxProcs: 1 });
    try {
      const [first, again] = await Promise.all([lazy.get(), lazy.get()]);
      expect(again).toBe(first);
      expect((await first.read(file)).ImageWidth).toBe(40);
      await lazy.end();
      expect(first.ended).toBe(true);
      const fresh = await lazy.get();
      expect(fresh).not.toBe(first);
      expect((await fresh.read(file)).ImageHeight).toBe(30);
    } finally {
      await lazy.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
