// The white-background pass in a real rendition (sharp): studio shots generated with a mask,
// rendered lossless at their own size so pixel positions hold; a real photo with no white
// backdrop renders exactly as without the pass.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Rendition } from '../../../../shared/export-dto';
import { productShot } from '../../../test-support/product-shots';
import {
  hasSamplePhotos,
  NO_SAMPLE_PHOTOS,
  samplePhoto,
} from '../../../test-support/sample-photos';
import {
  colouredProductShot,
  PRODUCT,
  SHADOW,
  shotPng,
  whiteMugShot,
  type StudioShot,
} from '../../../test-support/studio-shots';
import { WHITE_BACKGROUND_DEFAULTS } from '../../analysis/white-background';
import {
  PURE_BORDER_MAX_SIDE,
  renderKey,
  renderOptions,
  whiteBackgroundFor,
  type RenderOptions,
} from './render-options';
import { prepareSource, renderRendition } from './render-rendition';

const lossless: Rendition = {
  key: '',
  width: null,
  height: null,
  fit: 'inside',
  crop: 'attention',
  withoutEnlargement: true,
  trim: false,
  trimThreshold: 12,
  productFill: null,
  background: '#ffffff',
  format: 'png',
  quality: 85,
  progressive: false,
  maxBytes: null,
  minQuality: 40,
};

function options(r: Partial<Rendition>, keepShadow: boolean | null): RenderOptions {
  const o = renderOptions({ ...lossless, ...r }, 'strip', null, null, []);
  if (keepShadow !== null) o.whiteBackground = { ...WHITE_BACKGROUND_DEFAULTS, keepShadow };
  return o;
}

async function pixels(input: Buffer, o: RenderOptions) {
  const out = await renderRendition(await prepareSource(input, null), o);
  const { data, info } = await sharp(out.data)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { out, data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Indices of `kind` pixels at least 5 px (a square) from anything else. */
function inner(shot: StudioShot, kind: number): number[] {
  const { width: w, height: h, mask } = shot;
  const out: number[] = [];
  for (let y = 5; y < h - 5; y += 3) {
    for (let x = 5; x < w - 5; x += 3) {
      let all = true;
      for (let d = -5; d <= 5 && all; d++) {
        all = mask[(y + d) * w + x] === kind && mask[y * w + x + d] === kind;
      }
      if (all) out.push(y * w + x);
    }
  }
  return out;
}

const at = (d: Uint8Array, i: number): number[] => [...d.subarray(i * 3, i * 3 + 3)];
const notWhite = (d: Uint8Array, idx: number[]): number[] =>
  idx.filter((i) => d[i * 3] !== 255 || d[i * 3 + 1] !== 255 || d[i * 3 + 2] !== 255);

describe('the white-background render option', () => {
  it('renders the backdrop pure white, the product as it was, and drops the shadow', async () => {
    const shot = colouredProductShot();
    const png = await shotPng(shot);
    const r = await pixels(png, options({}, false));
    expect([r.width, r.height]).toEqual([shot.width, shot.height]);
    const edge = [0, shot.width - 1, (shot.height - 1) * shot.width, shot.width * shot.height - 1];
    expect(notWhite(r.data, edge)).toEqual([]);
    expect(notWhite(r.data, inner(shot, 0))).toEqual([]);
    expect(notWhite(r.data, inner(shot, SHADOW))).toEqual([]);
    const product = inner(shot, PRODUCT);
    expect(product.length).toBeGreaterThan(1000);
    expect(product.filter((i) => at(r.data, i).join() !== at(shot.data, i).join())).toEqual([]);
  });

  it('keeps the soft shadow when asked', async () => {
    const shot = colouredProductShot();
    const r = await pixels(await shotPng(shot), options({}, true));
    const shadow = inner(shot, SHADOW);
    expect(Math.min(...shadow.map((i) => r.data[i * 3] ?? 255))).toBeLessThan(225);
    expect(notWhite(r.data, inner(shot, 0))).toEqual([]);
  });

  it('a white mug on white keeps its white body, trimmed and padded as Amazon main is', async () => {
    const shot = whiteMugShot();
    const png = await shotPng(shot);
    const o = options(
      {
        width: 1000,
        height: 1000,
        fit: 'contain',
        withoutEnlargement: false,
        trim: true,
        productFill: 0.85,
        format: 'jpeg',
        quality: 95,
      },
      true,
    );
    const r = await pixels(png, o);
    expect([r.width, r.height]).toEqual([1000, 1000]);
    // The corners, and the backdrop left inside the trimmed box above the handle, are white
    // (JPEG: within a level); the backdrop there was 249.
    const w = r.width;
    for (const i of [0, w - 1, (w - 1) * w + 500, 134 * w + 817, 110 * w + 830]) {
      for (const v of at(r.data, i)) expect(v).toBeGreaterThanOrEqual(254);
    }
    // The middle of the mug's body keeps its 252, not 255.
    const body = at(r.data, 500 * w + 330);
    for (const v of body) expect(Math.abs(v - 252)).toBeLessThanOrEqual(2);
  });

  it('takes every kind of source: CMYK, 16-bit, cut out (transparent), on grey', async () => {
    for (const kind of ['cmyk', 'png16', 'transparent', 'grey'] as const) {
      const shot = await productShot(kind, 3, { width: 400, height: 300 });
      const o = options({ width: 200, format: 'jpeg' }, true);
      const out = await renderRendition(await prepareSource(shot.data, null), o);
      expect([out.width, out.height]).toEqual([200, 150]);
      const { data } = await sharp(out.data).raw().toBuffer({ resolveWithObject: true });
      // The corner: the white backdrop (or the cut-out's, flattened); on grey, the grey stays.
      const c = data[0] ?? 0;
      if (kind === 'grey') expect(c).toBeLessThan(240);
      else expect(c).toBeGreaterThanOrEqual(254);
    }
  });

  it('changes the render key, and keeps the old key when off', () => {
    const off = options({}, null);
    expect(off).not.toHaveProperty('whiteBackground');
    const keys = new Set([
      renderKey('h', off),
      renderKey('h', options({}, true)),
      renderKey('h', options({}, false)),
    ]);
    expect(keys.size).toBe(3);
  });

  it.skipIf(!hasSamplePhotos)(
    `a photo with no white backdrop (coffee.png) renders as without the pass (skipped: ${NO_SAMPLE_PHOTOS})`,
    async () => {
      const input = await readFile(samplePhoto('coffee.png'));
      const o = options({ width: 400, height: 400, format: 'jpeg' }, true);
      const { whiteBackground: _wb, ...plain } = o;
      const a = await renderRendition(await prepareSource(input, null), o);
      const b = await renderRendition(await prepareSource(input, null), plain);
      expect(a.data.equals(b.data)).toBe(true);
    },
  );
});

describe('whiteBackgroundFor', () => {
  it("resolves 'auto' from the index's white_bg, 'always' for any source, 'off' for none", () => {
    expect(whiteBackgroundFor({}, 1)).toBeNull();
    expect(whiteBackgroundFor({ whiteBackground: 'off' }, 1)).toBeNull();
    expect(whiteBackgroundFor({ whiteBackground: 'auto' }, 0.49)).toBeNull();
    expect(whiteBackgroundFor({ whiteBackground: 'auto' }, null)).toBeNull();
    expect(whiteBackgroundFor({ whiteBackground: 'auto', keepShadow: false }, 0.5)).toEqual({
      ...WHITE_BACKGROUND_DEFAULTS,
      keepShadow: false,
    });
    expect(whiteBackgroundFor({ whiteBackground: 'always' }, 0)).toEqual(WHITE_BACKGROUND_DEFAULTS);
  });

  it('leaves the pass out where the index saw a pure-white border, only with the shadow kept', () => {
    const pure = { pureWhiteBorder: true, width: 1600, height: 1200 };
    for (const mode of ['auto', 'always'] as const) {
      expect(whiteBackgroundFor({ whiteBackground: mode }, 1, pure)).toBeNull();
      // Without keepShadow the pass could erase a shadow the thumbnail cannot vouch for.
      expect(whiteBackgroundFor({ whiteBackground: mode, keepShadow: false }, 1, pure)).toEqual({
        ...WHITE_BACKGROUND_DEFAULTS,
        keepShadow: false,
      });
      // Not pure, not measured (an older index), or too large for the thumbnail to vouch.
      for (const border of [
        { ...pure, pureWhiteBorder: false },
        { ...pure, pureWhiteBorder: null },
        { ...pure, width: PURE_BORDER_MAX_SIDE + 1 },
        { ...pure, height: null },
        null,
      ]) {
        expect(whiteBackgroundFor({ whiteBackground: mode }, 1, border)).toEqual(
          WHITE_BACKGROUND_DEFAULTS,
        );
      }
    }
    expect(
      whiteBackgroundFor({ whiteBackground: 'auto' }, 1, { ...pure, width: PURE_BORDER_MAX_SIDE }),
    ).toBeNull();
  });
});
