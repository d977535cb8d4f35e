// Analysis on real renditions made with sharp, and near-duplicate groups through the engine.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { analyzePixels, hammingDistance, type Pixels } from './analyze-pixels';

/** A product shot: a coloured box covering `share` of the frame's width and height, on a background. */
function shot(options: {
  background: string;
  color?: string;
  share?: number;
  blur?: number;
  shift?: number;
}): Promise<Buffer> {
  const w = 600;
  const h = 400;
  const share = options.share ?? 0.5;
  const bw = Math.round(w * share);
  const bh = Math.round(h * share);
  const x = Math.round((w - bw) / 2) + (options.shift ?? 0);
  const y = Math.round((h - bh) / 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="${options.background}"/>
    <rect x="${x}" y="${y}" width="${bw}" height="${bh}" fill="${options.color ?? '#c81e28'}"/>
    <rect x="${x + 20}" y="${y + 20}" width="${bw / 3}" height="${bh / 4}" fill="#1d3fb0"/>
    <circle cx="${x + bw * 0.7}" cy="${y + bh * 0.6}" r="${bh / 6}" fill="#f0dc32"/>
  </svg>`;
  let image = sharp(Buffer.from(svg));
  if (options.blur) image = image.blur(options.blur);
  return image.jpeg({ quality: 92 }).toBuffer();
}

async function pixels(jpeg: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(jpeg)
    .resize(320, 320, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe('analyzePixels', () => {
  it('scores a packshot on white: white background, product fill, colours', async () => {
    const result = analyzePixels(await pixels(await shot({ background: '#ffffff', share: 0.5 })));
    expect(result.whiteBackground).toBeGreaterThan(0.95);
    expect(result.fill).toBeGreaterThan(0.22);
    expect(result.fill).toBeLessThan(0.28);
    expect(result.colors[0]?.name).toBe('white');
    expect(result.colors.map((c) => c.name)).toContain('red');
    expect(result.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sees a grey background as not white, and a bigger product as more fill', async () => {
    const grey = analyzePixels(await pixels(await shot({ background: '#808080' })));
    expect(grey.whiteBackground).toBeLessThan(0.05);
    const big = analyzePixels(await pixels(await shot({ background: '#ffffff', share: 0.9 })));
    expect(big.fill).toBeGreaterThan(0.75);
  });

  it('ranks a blurred frame less sharp, and keeps its perceptual hash close', async () => {
    const sharpFrame = analyzePixels(await pixels(await shot({ background: '#ffffff' })));
    const blurred = analyzePixels(await pixels(await shot({ background: '#ffffff', blur: 4 })));
    expect(blurred.sharpness).toBeLessThan(sharpFrame.sharpness / 2);
    expect(hammingDistance(sharpFrame.phash, blurred.phash)).toBeLessThanOrEqual(10);
    const other = analyzePixels(
      await pixels(await shot({ background: '#202020', color: '#30a040', share: 0.8, shift: 80 })),
    );
    expect(hammingDistance(sharpFrame.phash, other.phash)).toBeGreaterThan(10);
  });
});

describe('near-duplicates through the engine', () => {
  let h: Harness;
  let folder: string;

  beforeAll(async () => {
    folder = await tempDir('similar');
    await writeFile(join(folder, 'burst-1.jpg'), await shot({ background: '#ffffff', blur: 3 }));
    await writeFile(join(folder, 'burst-2.jpg'), await shot({ background: '#ffffff' }));
    await writeFile(
      join(folder, 'burst-3.jpg'),
      await shot({ background: '#ffffff', blur: 1.5, shift: 4 }),
    );
    await writeFile(
      join(folder, 'other.jpg'),
      await shot({ background: '#202020', color: '#30a040', share: 0.8, shift: 80 }),
    );
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
  }, 60_000);

  afterAll(async () => {
    await h.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('groups a burst, keeps the sharpest frame and rejects the rest in one undoable step', async () => {
    const byName = new Map((await h.all()).map((a) => [a.name, a]));
    const groups = await h.call('bursts.list', {});
    expect(groups).toHaveLength(1);
    const [group] = groups;
    const burst = ['burst-1.jpg', 'burst-2.jpg', 'burst-3.jpg'].map((n) => byName.get(n)?.id);
    expect(group?.ids.sort()).toEqual(burst.sort());
    expect(group?.best).toBe(byName.get('burst-2.jpg')?.id);
    expect(byName.get('other.jpg')?.similarGroup).toBeNull();

    await h.call('bursts.keepBest', { group: group?.group ?? 0 });
    const flags = new Map((await h.all()).map((a) => [a.name, a.flag]));
    expect([flags.get('burst-1.jpg'), flags.get('burst-2.jpg'), flags.get('burst-3.jpg')]).toEqual([
      'reject',
      'pick',
      'reject',
    ]);
    expect((await h.call('assets.list', { query: 'similar flag:reject' })).total).toBe(2);
    await h.call('edits.undo', {});
    expect((await h.all()).every((a) => a.flag === 'none')).toBe(true);
  });

  it('stores the analysis on the asset and searches by colour', async () => {
    const white = await h.byName('burst-2.jpg');
    expect(white.analysis?.whiteBackground).toBeGreaterThan(0.95);
    expect(
      (await h.call('assets.list', { query: 'color:white' })).items.map((a) => a.name),
    ).toContain('burst-2.jpg');
    expect(
      (await h.call('assets.list', { query: 'color:white' })).items.map((a) => a.name),
    ).not.toContain('other.jpg');
    expect((await h.call('assets.list', { query: 'whitebg>=0.9' })).total).toBe(3);
  });
});
