import { describe, expect, it } from 'vitest';
import { faceCrop } from './face-crop';

/** What the CSS draws: the image's pixel rectangle inside a frame `frame` pixels wide. */
function drawn(crop: { x: number; y: number; w: number }, aspect: number, frame: number) {
  const width = frame / crop.w;
  const height = width / aspect;
  return { left: -crop.x * width, top: -crop.y * height, width, height };
}

describe('faceCrop', () => {
  it('centres a face in a square frame, with room around it', () => {
    // A 3:2 landscape; the face is 150×150 px of a 1500×1000 image, at (600, 300).
    const box = { x: 0.4, y: 0.3, w: 0.1, h: 0.15 };
    const crop = faceCrop(box, 1.5);
    const img = drawn(crop, 1.5, 100);
    // The face's centre lands at the frame's centre, and the face fills 1/1.6 of it.
    const faceLeft = img.left + box.x * img.width;
    const faceTop = img.top + box.y * img.height;
    const faceWidth = box.w * img.width;
    const faceHeight = box.h * img.height;
    expect(faceLeft + faceWidth / 2).toBeCloseTo(50);
    expect(faceTop + faceHeight / 2).toBeCloseTo(50);
    expect(faceWidth).toBeCloseTo(100 / 1.6);
    expect(faceHeight).toBeCloseTo(100 / 1.6);
  });

  it('fits a face taller than wide by its height, in a portrait image', () => {
    // 0.1 of the width is 0.05 of the height: half as wide as tall.
    const box = { x: 0.2, y: 0.1, w: 0.1, h: 0.1 };
    const img = drawn(faceCrop(box, 0.5), 0.5, 80);
    expect(box.h * img.height).toBeCloseTo(80 / 1.6);
    expect(box.w * img.width).toBeCloseTo(80 / 1.6 / 2);
  });

  it('stays square in pixels whatever the aspect; a bad aspect counts as square', () => {
    for (const aspect of [0.5, 1, 16 / 9]) {
      const crop = faceCrop({ x: 0, y: 0, w: 0.1, h: 0.1 }, aspect);
      const img = drawn(crop, aspect, 100);
      // The crop's height, as a fraction of the image's, is w × aspect: as many pixels.
      expect(crop.w * img.width).toBeCloseTo(100);
      expect(crop.w * aspect * img.height).toBeCloseTo(100);
    }
    expect(faceCrop({ x: 0.5, y: 0.5, w: 0.1, h: 0.1 }, 0)).toEqual(
      faceCrop({ x: 0.5, y: 0.5, w: 0.1, h: 0.1 }, 1),
    );
  });
});
