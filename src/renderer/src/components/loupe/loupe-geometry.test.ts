// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { actualSize, containRect, fractionOn, scrollToKeep } from './loupe-geometry';

describe('containRect', () => {
  it('letterboxes a wide image in a tall box, and pillarboxes a tall one', () => {
    expect(containRect({ width: 1000, height: 1000 }, { width: 2000, height: 1000 })).toEqual({
      x: 0,
      y: 250,
      width: 1000,
      height: 500,
    });
    expect(containRect({ width: 1000, height: 500 }, { width: 500, height: 1000 })).toEqual({
      x: 375,
      y: 0,
      width: 250,
      height: 500,
    });
  });
});

describe('fractionOn', () => {
  it('finds the clicked spot on the image, clamped to its edges', () => {
    const painted = { x: 0, y: 250, width: 1000, height: 500 };
    expect(fractionOn({ x: 250, y: 500 }, painted)).toEqual({ x: 0.25, y: 0.5 });
    expect(fractionOn({ x: 250, y: 10 }, painted)).toEqual({ x: 0.25, y: 0 });
  });
});

describe('scrollToKeep', () => {
  const shown = { width: 2048, height: 1024 };
  const viewport = { width: 1000, height: 800 };

  it('keeps the clicked detail under the pointer', () => {
    expect(
      scrollToKeep(shown, viewport, { at: { x: 0.25, y: 0.5 }, under: { x: 250, y: 400 } }),
    ).toEqual({ left: 262, top: 112 });
  });

  it('centres without a point, and never scrolls past the edges', () => {
    expect(scrollToKeep(shown, viewport, null)).toEqual({ left: 524, top: 112 });
    expect(scrollToKeep(shown, viewport, { at: { x: 1, y: 1 }, under: { x: 0, y: 0 } })).toEqual({
      left: 1048,
      top: 224,
    });
    expect(scrollToKeep({ width: 300, height: 200 }, viewport, null)).toEqual({ left: 0, top: 0 });
  });
});

describe('actualSize', () => {
  it('shows one image pixel per device pixel', () => {
    expect(actualSize({ width: 2048, height: 1365 }, 2)).toEqual({ width: 1024, height: 682.5 });
    expect(actualSize({ width: 2048, height: 1365 }, 0)).toEqual({ width: 2048, height: 1365 });
  });
});
