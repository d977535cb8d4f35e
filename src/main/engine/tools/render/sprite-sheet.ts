// A spin's sprite sheet: every frame fitted into one cell of a grid, left to right, top to
// bottom, on the background colour, encoded once. The layout (cell size, columns, each
// frame's place) goes beside it as JSON, for viewers that step a background position.
import { sharp } from '../sharp/sharp-lib';
import { LIMIT_INPUT_PIXELS } from './sharp-input';

export interface SpriteLayout {
  frames: number;
  columns: number;
  rows: number;
  frameWidth: number;
  frameHeight: number;
  width: number;
  height: number;
  /** Each frame's top-left corner, in spin order. */
  positions: { frame: number; x: number; y: number }[];
}

/** Cells of `cell` px on the longer side, in the first frame's shape; about square overall. */
export async function spriteSheet(
  frames: readonly Buffer[],
  cell: number,
  background: string,
  quality = 82,
): Promise<{ data: Buffer; layout: SpriteLayout }> {
  const first = await sharp(frames[0], { limitInputPixels: LIMIT_INPUT_PIXELS }).metadata();
  const w0 = first.width || cell;
  const h0 = first.height || cell;
  const scale = cell / Math.max(w0, h0);
  const frameWidth = Math.max(1, Math.round(w0 * scale));
  const frameHeight = Math.max(1, Math.round(h0 * scale));
  const columns = Math.ceil(Math.sqrt(frames.length));
  const rows = Math.ceil(frames.length / columns);
  const positions = frames.map((_, i) => ({
    frame: i,
    x: (i % columns) * frameWidth,
    y: Math.floor(i / columns) * frameHeight,
  }));
  const tiles = await Promise.all(
    frames.map((f) =>
      sharp(f, { limitInputPixels: LIMIT_INPUT_PIXELS })
        .rotate()
        .resize(frameWidth, frameHeight, { fit: 'contain', background })
        .flatten({ background })
        .toBuffer(),
    ),
  );
  const width = columns * frameWidth;
  const height = rows * frameHeight;
  const data = await sharp({ create: { width, height, channels: 3, background } })
    .composite(
      tiles.map((input, i) => ({ input, left: positions[i]?.x ?? 0, top: positions[i]?.y ?? 0 })),
    )
    .jpeg({ quality, mozjpeg: true })
    .toBuffer();
  return {
    data,
    layout: {
      frames: frames.length,
      columns,
      rows,
      frameWidth,
      frameHeight,
      width,
      height,
      positions,
    },
  };
}
