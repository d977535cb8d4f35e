// A JPEG with an EXIF segment built by hand (little-endian TIFF): IFD0 holds the entries
// given, stored as given (odd types and counts included, which tools that write EXIF
// refuse), and IFD1 points at a thumbnail JPEG.
import sharp from 'sharp';

/** One IFD entry: tag, TIFF type (3 SHORT, 4 LONG, 5 RATIONAL…), count and value bytes. */
export type IfdEntry = [tag: number, type: number, count: number, value: Buffer];

export const short = (...values: number[]): Buffer => {
  const b = Buffer.alloc(Math.max(4, values.length * 2));
  values.forEach((v, i) => b.writeUInt16LE(v, i * 2));
  return b;
};
export const long = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32LE(v, i * 4));
  return b;
};

/** An IFD at `base` (from the TIFF header), its values over 4 bytes right after it. */
function ifd(entries: IfdEntry[], next: number, base: number): Buffer {
  const size = 2 + entries.length * 12 + 4;
  const b = Buffer.alloc(size);
  const outside: Buffer[] = [];
  let at = base + size;
  b.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    const o = 2 + i * 12;
    b.writeUInt16LE(tag, o);
    b.writeUInt16LE(type, o + 2);
    b.writeUInt32LE(count, o + 4);
    if (value.length <= 4) value.copy(b, o + 8);
    else {
      b.writeUInt32LE(at, o + 8);
      outside.push(value);
      at += value.length;
    }
  });
  b.writeUInt32LE(next, 2 + entries.length * 12);
  return Buffer.concat([b, ...outside]);
}

/** `jpeg` with an APP1 EXIF segment of `ifd0` and an IFD1 thumbnail, just after its SOI. */
export function withExif(jpeg: Buffer, ifd0: IfdEntry[], thumbnail: Buffer): Buffer {
  const first = ifd(ifd0, 0, 8);
  const at1 = 8 + first.length;
  const at = at1 + 2 + 2 * 12 + 4;
  const second = ifd(
    [
      [0x201, 4, 1, long(at)],
      [0x202, 4, 1, long(thumbnail.length)],
    ],
    0,
    at1,
  );
  first.writeUInt32LE(at1, 2 + ifd0.length * 12); // IFD0's next: IFD1
  const tiff = Buffer.concat([Buffer.from('II*\0\x08\0\0\0', 'latin1'), first, second, thumbnail]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** A JPEG whose every turn and mirror differs: red left half, green right, blue top quarter. */
export async function asymmetricJpeg(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o + (x < width / 2 ? 0 : 1)] = 230;
      if (y < height / 4) data[o + 2] = 230;
    }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}
