// A JPEG as cameras write them: EXIF with an orientation and a 160×120 thumbnail in IFD1,
// letterboxed when the frame is not 4:3. The thumbnail's colour differs from the frame's
// on purpose, so a test can tell which of the two a placeholder was made from.
import { rm, writeFile } from 'node:fs/promises';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';

type Rgb = { r: number; g: number; b: number };

export interface CameraJpeg {
  width: number;
  height: number;
  frame: Rgb;
  thumbnail: Rgb;
  orientation?: number;
}

export async function writeCameraJpeg(
  exiftool: ExifTool,
  path: string,
  spec: CameraJpeg,
): Promise<void> {
  const main = sharp({
    create: { width: spec.width, height: spec.height, channels: 3, background: spec.frame },
  }).jpeg();
  await writeFile(
    path,
    await (
      spec.orientation ? main.withMetadata({ orientation: spec.orientation }) : main
    ).toBuffer(),
  );
  // The picture scaled into 160×120, black bars around it (what cameras embed).
  const scale = Math.min(160 / spec.width, 120 / spec.height);
  const w = Math.round(spec.width * scale);
  const h = Math.round(spec.height * scale);
  const picture = await sharp({
    create: { width: w, height: h, channels: 3, background: spec.thumbnail },
  })
    .png()
    .toBuffer();
  const thumb = await sharp({
    create: { width: 160, height: 120, channels: 3, background: { r: 0, g: 0, b: 0 } },
  })
    .composite([
      { input: picture, left: Math.floor((160 - w) / 2), top: Math.floor((120 - h) / 2) },
    ])
    .jpeg()
    .toBuffer();
  const thumbPath = `${path}.thumb.jpg`;
  await writeFile(thumbPath, thumb);
  await exiftool.write(
    path,
    {},
    { writeArgs: [`-ThumbnailImage<=${thumbPath}`, '-overwrite_original'] },
  );
  await rm(thumbPath);
}
