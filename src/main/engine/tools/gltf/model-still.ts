import { sharp } from '../sharp/sharp-lib';
import type { ModelAnalysis } from './model-analysis';
import { RENDER_SIZE } from './model-analysis';

/** The render as a PNG the thumbnail path decodes, scaled down from its supersampled size. */
export async function modelStill(pixels: NonNullable<ModelAnalysis['pixels']>): Promise<Buffer> {
  return sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength), {
    raw: { width: pixels.width, height: pixels.height, channels: 4 },
  })
    .resize(RENDER_SIZE, RENDER_SIZE, { kernel: 'lanczos3' })
    .png({ compressionLevel: 3 })
    .toBuffer();
}
