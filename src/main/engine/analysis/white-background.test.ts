import { describe, expect, it } from 'vitest';
import {
  colouredProductShot,
  PRODUCT,
  RIM,
  SHADOW,
  whiteMugShot,
  type StudioShot,
} from '../../test-support/studio-shots';
import { whiteBackground, WHITE_BACKGROUND_DEFAULTS } from './white-background';

const on = (keepShadow: boolean) => ({ ...WHITE_BACKGROUND_DEFAULTS, keepShadow });

/** Pixel indices of a kind, leaving out (but for the product) those within `gap` px of it. */
function where(shot: StudioShot, kind: number, gap = 4): number[] {
  const { width: w, height: h, mask } = shot;
  // The product and its rim grown by `gap` (a square), rows then columns.
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const m = mask[y * w + x];
      if (m !== PRODUCT && m !== RIM) continue;
      for (let k = Math.max(0, x - gap); k <= Math.min(w - 1, x + gap); k++) rows[y * w + k] = 1;
    }
  const near = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!rows[y * w + x]) continue;
      for (let k = Math.max(0, y - gap); k <= Math.min(h - 1, y + gap); k++) near[k * w + x] = 1;
    }
  const out: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (mask[i] === kind && (kind === PRODUCT || !near[i])) out.push(i);
  }
  return out;
}

function border(shot: StudioShot): number[] {
  const { width: w, height: h } = shot;
  const out: number[] = [];
  for (let x = 0; x < w; x++) out.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) out.push(y * w, y * w + w - 1);
  return out;
}

const rgb = (data: Uint8Array, i: number): number[] => [...data.subarray(i * 3, i * 3 + 3)];
const white = (data: Uint8Array, i: number): boolean =>
  data[i * 3] === 255 && data[i * 3 + 1] === 255 && data[i * 3 + 2] === 255;
const same = (a: Uint8Array, b: Uint8Array, i: number): boolean =>
  a[i * 3] === b[i * 3] && a[i * 3 + 1] === b[i * 3 + 1] && a[i * 3 + 2] === b[i * 3 + 2];

describe('whiteBackground', () => {
  const shot = colouredProductShot();

  it('makes an off-white, vignetted, noisy backdrop pure white and leaves the product alone', () => {
    const out = whiteBackground(shot, on(true));
    expect(out.skipped).toBeNull();
    expect(out.borderShare).toBe(1);
    expect(border(shot).filter((i) => !white(out.data, i))).toEqual([]);
    expect(where(shot, 0).filter((i) => !white(out.data, i))).toEqual([]);
    const product = where(shot, PRODUCT);
    expect(product.length).toBeGreaterThan(10_000);
    expect(product.filter((i) => !same(out.data, shot.data, i))).toEqual([]);
    // The source array is not written.
    expect(out.data).not.toBe(shot.data);
  });

  it('keeps the soft shadow, neutral and as much darker than the backdrop, when asked', () => {
    const out = whiteBackground(shot, on(true));
    const shadow = where(shot, SHADOW);
    const darkest = Math.min(...shadow.map((i) => out.data[i * 3] ?? 0));
    // The shadow is up to 60 below a ~240 backdrop: kept ~40 below white.
    expect(darkest).toBeLessThan(225);
    const tinted = shadow.filter(
      (i) => out.data[i * 3] !== out.data[i * 3 + 1] || out.data[i * 3] !== out.data[i * 3 + 2],
    );
    expect(tinted).toEqual([]);
  });

  it('erases the shadow when not asked', () => {
    const out = whiteBackground(shot, on(false));
    expect(where(shot, SHADOW).filter((i) => !white(out.data, i))).toEqual([]);
  });

  it('feathers the edge: from the product to white over a few pixels, no hard step', () => {
    const out = whiteBackground(shot, { ...WHITE_BACKGROUND_DEFAULTS, feather: 2 });
    const { width: w } = shot;
    const y = Math.round(shot.height * 0.45);
    let x = 0;
    while (shot.mask[y * w + x] !== PRODUCT) x++;
    // Left of the product's edge: its rim, then a fade (between source and white), then white.
    const row = [4, 3, 2, 1].map((k) => out.data[(y * w + x - k) * 3] ?? 0);
    expect(row[0]).toBe(255);
    const src = shot.data[(y * w + x - 2) * 3] ?? 0;
    expect(row[2]).toBeGreaterThan(src);
    expect(row[2]).toBeLessThan(255);
  });

  it('a white mug on white: stops at its grey outline, the body stays as it is', () => {
    const mug = whiteMugShot();
    const out = whiteBackground(mug, on(true));
    expect(out.skipped).toBeNull();
    expect(border(mug).filter((i) => !white(out.data, i))).toEqual([]);
    const body = where(mug, PRODUCT);
    expect(body.filter((i) => !same(out.data, mug.data, i))).toEqual([]);
    // The body (252) is lighter than the backdrop (249): had the flood got in, it would be 255.
    const centre = Math.round(mug.height / 2) * mug.width + Math.round(mug.width * 0.45);
    expect(rgb(out.data, centre)).toEqual([252, 252, 252]);
  });

  it('leaves a photo without a near-white border alone', () => {
    const w = 200;
    const h = 150;
    const data = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) data.set([40 + (i % w) / 2, 90, 160], i * 3);
    const out = whiteBackground({ width: w, height: h, channels: 3, data }, on(true));
    expect(out.skipped).toBe('no near-white border');
    expect(out.data).toBe(data);
  });

  it('says a pure white backdrop needs nothing', () => {
    const w = 100;
    const data = new Uint8Array(w * w * 3).fill(255);
    for (let y = 40; y < 60; y++)
      for (let x = 40; x < 60; x++) data.set([10, 20, 200], (y * w + x) * 3);
    const out = whiteBackground({ width: w, height: w, channels: 3, data }, on(true));
    expect(out.skipped).toBe('already pure white');
    expect(out.data).toBe(data);
  });

  it('answers from the border when it is pure white all round, JPEG ringing or not', () => {
    const w = 100;
    const data = new Uint8Array(w * w * 3).fill(255);
    // A product with a JPEG's ringing beside it: 250–254 next to its edge, 255 beyond.
    for (let y = 36; y < 64; y++)
      for (let x = 36; x < 64; x++)
        data.fill(251 + ((x + y) % 4), (y * w + x) * 3, (y * w + x) * 3 + 3);
    for (let y = 40; y < 60; y++)
      for (let x = 40; x < 60; x++) data.set([10, 20, 200], (y * w + x) * 3);
    const out = whiteBackground({ width: w, height: w, channels: 3, data }, on(true));
    expect(out.skipped).toBe('already pure white');
    expect(out.data).toBe(data);
    // One off-white border pixel, and the pass runs.
    data.set([250, 250, 250], 0);
    expect(
      whiteBackground({ width: w, height: w, channels: 3, data }, on(true)).skipped,
    ).toBeNull();
  });

  it('leaves a fourth channel as it is', () => {
    const w = 60;
    const data = new Uint8Array(w * w * 4);
    for (let i = 0; i < w * w; i++) data.set([245, 244, 243, 200], i * 4);
    const out = whiteBackground({ width: w, height: w, channels: 4, data }, on(true));
    expect([...out.data.subarray(0, 8)]).toEqual([255, 255, 255, 200, 255, 255, 255, 200]);
  });
});
