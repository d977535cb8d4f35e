// Pre-flight's white background when the preset asks for the white-background pass: it
// says "made pure white" only where the pass can clean the backdrop. A preset set to
// 'always' on a scene (a shot on grey, a lifestyle photo) leaves it as it is at render, so
// Amazon's main image must still fail, not pass.
import { describe, expect, it } from 'vitest';
import { WHITE_BACKGROUND_DEFAULTS } from '../../analysis/white-background';
import { builtInPreset, packImage } from '../../../test-support/pack-image';
import type { RenderOptions } from '../../tools/render/render-options';
import type { PackImage, PackProduct } from '../pack-source';
import { whiteBackgroundCheck } from './white-background-check';

const preset = builtInPreset('amazon-main');
const product: PackProduct = {
  id: 1,
  sku: 'S',
  name: 'S',
  parentSku: null,
  attributes: {},
  channels: [],
  images: [],
};
const image = (whiteBg: number): PackImage => packImage({ whiteBg, fill: 0.9, sharpness: 500 });
const cleaned = [
  { options: { whiteBackground: WHITE_BACKGROUND_DEFAULTS } as RenderOptions, size: null },
];
const check = (whiteBg: number) =>
  whiteBackgroundCheck({ preset, product, image: image(whiteBg), renditions: cleaned });

describe('white background with the pass planned', () => {
  it('passes a near-white backdrop the pass makes white', () => {
    expect(preset.rules.mainWhiteBackground).toBeGreaterThan(0.5);
    expect(check(0.7)).toMatchObject({ level: 'pass' });
  });

  it('fails a backdrop that is mostly not near-white: the pass leaves it alone', () => {
    expect(check(0.1)).toMatchObject({
      level: 'fail',
      reason: expect.stringMatching(/not white/) as unknown,
    });
  });
});

describe('white background already pure white', () => {
  it('passes a backdrop indexing found pure white, where the plan leaves the pass out', () => {
    // The plan drops the pass for such a source (whiteBackgroundFor): no whiteBackground in
    // its options, yet the preset asked for it and the file is on pure white.
    const pure = { ...image(1), pureWhiteBorder: true };
    const planned = [{ options: {} as RenderOptions, size: null }];
    expect(preset.renditions.some((r) => (r.whiteBackground ?? 'off') !== 'off')).toBe(true);
    expect(
      whiteBackgroundCheck({ preset, product, image: pure, renditions: planned }),
    ).toMatchObject({ level: 'pass', reason: expect.stringMatching(/pure white/) as unknown });
  });
});
