// CLIP's image preprocessing: the shorter side scaled to the model's size (bicubic), the
// centre cropped square, then each channel normalised ((v / 255 - mean) / std) and laid out
// channel after channel ([3, size, size]), as the encoder's pixel_values takes it.
import { sharp } from '../sharp/sharp-lib';
import type { RgbImage } from './vision';

export async function clipPixels(
  image: RgbImage,
  size: number,
  mean: readonly [number, number, number],
  std: readonly [number, number, number],
): Promise<Float32Array> {
  const { width, height } = image;
  const rgb = await sharp(image.data, { raw: { width, height, channels: 3 } })
    .resize(size, size, { fit: 'cover', position: 'centre', kernel: 'cubic' })
    .raw()
    .toBuffer();
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const m = mean[c] as number;
    const s = std[c] as number;
    for (let i = 0; i < plane; i++) out[c * plane + i] = ((rgb[i * 3 + c] as number) / 255 - m) / s;
  }
  return out;
}
