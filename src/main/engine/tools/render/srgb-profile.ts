// The sRGB profile on a JPEG without libvips' icc_transform. `withIccProfile('srgb')` always
// runs an sRGB → sRGB transform through LCMS (a fifth of an export's CPU on 8-bit
// sources) that is the identity on every 8-bit sRGB value (the test checks all 2^24).
// So an 8-bit sRGB JPEG is encoded without it and gets the very APP2 segment libvips would
// write, where libvips writes it (after the APP1/APP13 metadata): the same bytes, faster.
import { sharp } from '../sharp/sharp-lib';

/** The source decodes to 8-bit sRGB (an embedded profile is applied on load either way). */
export function profileIsIdentity(meta: { space?: string; depth?: string }): boolean {
  return meta.space === 'srgb' && meta.depth === 'uchar';
}

let segment: Promise<Buffer> | null = null;

/** The APP2 ICC_PROFILE segment libvips writes for 'srgb', taken from a 1 px encode. */
function srgbSegment(): Promise<Buffer> {
  segment ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
    .withIccProfile('srgb')
    .jpeg()
    .toBuffer()
    .then((jpeg) => {
      const app2 = markers(jpeg).find((m) => m.marker === 0xe2);
      if (!app2) throw new Error('libvips wrote no ICC profile segment');
      return jpeg.subarray(app2.start, app2.end);
    })
    .catch((error: unknown) => {
      // Not kept: one failure must not fail every later JPEG of the process.
      segment = null;
      throw error;
    });
  return segment;
}

/** Inserts the sRGB profile before the first segment that is not APPn metadata. */
export async function withSrgbProfile(jpeg: Buffer): Promise<Buffer> {
  const app2 = await srgbSegment();
  const at = markers(jpeg).find((m) => m.marker < 0xe0 || m.marker > 0xef);
  if (!at) throw new Error('not a JPEG sharp wrote: no segment after its metadata');
  return Buffer.concat([jpeg.subarray(0, at.start), app2, jpeg.subarray(at.start)]);
}

/** The segments after SOI, up to and including the first that is not APPn. */
function markers(jpeg: Buffer): { marker: number; start: number; end: number }[] {
  const out: { marker: number; start: number; end: number }[] = [];
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return out;
  for (let i = 2; i + 4 <= jpeg.length && jpeg[i] === 0xff;) {
    const marker = jpeg[i + 1] ?? 0;
    const end = i + 2 + jpeg.readUInt16BE(i + 2);
    out.push({ marker, start: i, end });
    if (marker < 0xe0 || marker > 0xef) break;
    i = end;
  }
  return out;
}
