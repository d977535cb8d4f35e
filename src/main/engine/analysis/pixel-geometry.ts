import type { Pixels } from './analyze-pixels';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A region of RGBA pixels, copied row by row. */
export function cropPixels(px: Pixels, box: Box): Pixels {
  const data = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * px.width + box.left) * 4;
    data.set(px.data.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return { width: box.width, height: box.height, data };
}

/**
 * RGBA pixels turned upright by an EXIF orientation (1–8). Small images only (thumbnails):
 * one pass in JS beats a round trip through the image library for a few thousand pixels.
 */
export function orientPixels(px: Pixels, orientation: number): Pixels {
  // Anything else (0, 9, 6.5, NaN) is no turn: the switch below would read it as 8.
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return px;
  const { width: w, height: h } = px;
  const swap = orientation >= 5;
  const outW = swap ? h : w;
  const outH = swap ? w : h;
  const data = new Uint8Array(outW * outH * 4);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const [sx, sy] = source(orientation, x, y, w, h);
      const from = (sy * w + sx) * 4;
      const to = (y * outW + x) * 4;
      data[to] = px.data[from] ?? 0;
      data[to + 1] = px.data[from + 1] ?? 0;
      data[to + 2] = px.data[from + 2] ?? 0;
      data[to + 3] = px.data[from + 3] ?? 0;
    }
  }
  return { width: outW, height: outH, data };
}

/** Where upright pixel (x, y) is stored, for a stored image of w × h. */
function source(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2: // mirrored
      return [w - 1 - x, y];
    case 3: // upside down
      return [w - 1 - x, h - 1 - y];
    case 4: // mirrored upside down
      return [x, h - 1 - y];
    case 5: // transposed
      return [y, x];
    case 6: // turned 90° clockwise to view
      return [y, h - 1 - x];
    case 7: // transversed
      return [w - 1 - y, h - 1 - x];
    default: // 8: turned 90° counter-clockwise to view
      return [w - 1 - y, x];
  }
}
