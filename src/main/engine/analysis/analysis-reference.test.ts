// The single-pass analysis and placeholder give exactly what the plain per-pixel versions
// give, on real images taken through the engine's own thumbnail and decode path.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { referenceAnalysis, referencePlaceholder } from '../../test-support/reference-analysis';
import { makeImage } from '../../test-support/sample-images';
import { renderThumbnail, rgbaOf } from '../tools/sharp/render-thumbnail';
import { analyzePixels, type Pixels } from './analyze-pixels';
import { placeholderFromPixels } from './placeholder';

function svg(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`,
  );
}

const images: [string, () => Promise<Buffer>][] = [
  [
    'a packshot on white (JPEG)',
    () =>
      sharp(
        svg(
          900,
          600,
          `<rect width="100%" height="100%" fill="#fff"/>
           <rect x="250" y="120" width="400" height="360" fill="#c81e28"/>
           <circle cx="520" cy="330" r="70" fill="#f0dc32"/>`,
        ),
      )
        .jpeg({ quality: 90 })
        .toBuffer(),
  ],
  [
    'a product on transparency with soft edges (PNG)',
    () =>
      sharp(
        svg(
          500,
          700,
          `<defs><radialGradient id="f"><stop offset="0.6" stop-color="#2050c0" stop-opacity="1"/>
           <stop offset="1" stop-color="#2050c0" stop-opacity="0"/></radialGradient></defs>
           <ellipse cx="250" cy="350" rx="200" ry="300" fill="url(#f)"/>
           <rect x="100" y="100" width="80" height="80" fill="#30a040" fill-opacity="0.4"/>`,
        ),
      )
        .png()
        .toBuffer(),
  ],
  [
    'four flat quadrants (PNG)',
    () =>
      sharp(
        svg(
          400,
          400,
          `<rect width="200" height="200" fill="#3060c0"/>
           <rect x="200" width="200" height="200" fill="#e0a020"/>
           <rect y="200" width="200" height="200" fill="#20a060"/>
           <rect x="200" y="200" width="200" height="200" fill="#a02080"/>`,
        ),
      )
        .png()
        .toBuffer(),
  ],
  [
    'noise spread over many colour bins (JPEG)',
    () =>
      sharp({
        create: {
          width: 640,
          height: 480,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 70 },
        },
      })
        .jpeg()
        .toBuffer(),
  ],
  ['a gradient with a disc (WebP)', () => makeImage(1200, 500, 'webp', 3)],
  ['three pixels wide (PNG)', () => makeImage(3, 2, 'png', 5)],
  ['one pixel (PNG)', () => makeImage(1, 1, 'png', 7)],
];

async function thumbnailPixels(image: Buffer): Promise<Pixels> {
  return rgbaOf(await renderThumbnail(image));
}

describe('analysis matches the plain per-pixel reference', () => {
  it.each(images)('%s', async (_name, make) => {
    const px = await thumbnailPixels(await make());
    const fast = analyzePixels(px);
    expect(fast).toEqual(referenceAnalysis(px));
    expect(placeholderFromPixels(px)).toBe(referencePlaceholder(px));
    // Not vacuous: the images give the measures something to find.
    expect(fast.colors.length).toBeGreaterThan(0);
  });

  it('keeps tied colours in the order they were first met, and cuts at five', () => {
    // Six vertical stripes of exactly equal area, made pixel by pixel (a lossy thumbnail
    // would break the tie): the five kept are the first five met, left to right.
    const stripes: [number, number, number][] = [
      [40, 90, 200],
      [240, 140, 30],
      [50, 160, 60],
      [130, 60, 170],
      [200, 30, 40],
      [20, 20, 20],
    ];
    const width = 60;
    const height = 10;
    const data = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      data.set([...(stripes[Math.floor((i % width) / 10)] ?? [0, 0, 0]), 255], i * 4);
    }
    const px = { width, height, data };
    const colors = analyzePixels(px).colors;
    expect(colors).toEqual(referenceAnalysis(px).colors);
    expect(colors.map((c) => c.name)).toEqual(['blue', 'orange', 'green', 'purple', 'red']);
    expect(colors.every((c) => c.share === 0.167)).toBe(true);
  });
});
