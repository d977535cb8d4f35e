import fc from 'fast-check';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstScansEnd, firstScansJpeg } from './jpeg-first-scans';

const EOI = Buffer.from([0xff, 0xd9]);

/** A picture with detail (two colours and a gradient), so its AC scans carry bytes. */
function picture(width: number, height: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = x < width / 2 ? 220 : 20;
      data[o + 1] = Math.round((255 * y) / height);
      data[o + 2] = (x * 7 + y * 3) % 256;
    }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** The offsets of every marker a scan-by-scan walk meets (SOS ones with their scan's end). */
function scanStarts(jpeg: Buffer): number[] {
  const starts: number[] = [];
  for (let i = 2; i < jpeg.length - 1; i++)
    if (jpeg[i] === 0xff && jpeg[i + 1] === 0xda) starts.push(i);
  return starts;
}

/** A marker segment: FF, marker, length, body. */
const seg = (marker: number, body: number[]): number[] => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];
/** Markers as a per-component encoder writes them (the entropy bytes are filler). */
const sof2 = seg(0xc2, [8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
const dc = (id: number): number[] => seg(0xda, [1, id, 0, 0, 0, 0]);
const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]; // a stuffed byte, a restart

let progressive: Buffer;
let baseline: Buffer;
let grey: Buffer;

beforeAll(async () => {
  progressive = await picture(320, 200).jpeg({ progressive: true, quality: 90 }).toBuffer();
  baseline = await picture(320, 200).jpeg({ quality: 90 }).toBuffer();
  grey = await picture(200, 320).greyscale().jpeg({ progressive: true }).toBuffer();
});

describe('firstScansEnd', () => {
  it('cuts a progressive JPEG after its DC scan, into a JPEG sharp decodes at full size', async () => {
    for (const jpeg of [progressive, grey]) {
      const end = firstScansEnd(jpeg, true);
      expect(typeof end).toBe('number');
      if (typeof end !== 'number') return;
      // The DC scan is the first: the cut is at the marker after it (a DHT or the next scan).
      const [first = 0, second = 0] = scanStarts(jpeg);
      expect(end).toBeGreaterThan(first);
      expect(end).toBeLessThanOrEqual(second);
      expect([jpeg[end], [0xc4, 0xda].includes(jpeg[end + 1] ?? 0)]).toEqual([0xff, true]);
      expect(end).toBeLessThan(jpeg.length / 2);
      const cut = Buffer.concat([jpeg.subarray(0, end), EOI]);
      const full = await sharp(jpeg).metadata();
      const { info } = await sharp(cut, { failOn: 'warning' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([full.width, full.height]);
    }
  });

  it('waits for every component: separate DC scans for Y, Cb and Cr', () => {
    const bytes = Buffer.from([
      0xff,
      0xd8,
      ...seg(0xdb, new Array<number>(65).fill(1)),
      ...sof2,
      ...dc(1),
      ...data,
      ...dc(2),
      ...data,
      0xff, // a fill byte before the marker
      ...dc(3),
      ...data,
      ...seg(0xda, [1, 1, 0x11, 1, 5, 0]), // the first AC scan
      ...data,
      0xff,
      0xd9,
    ]);
    const end = firstScansEnd(bytes, true);
    const acStart = bytes.length - 2 - data.length - 10;
    expect(end).toBe(acStart);
    // Cut anywhere before that end, the answer is "read more", or null for a whole file.
    for (let n = 0; n < acStart + 1; n++) {
      expect(firstScansEnd(bytes.subarray(0, n), false), `first ${n} bytes`).toBe('more');
      expect(firstScansEnd(bytes.subarray(0, n), true), `a file of ${n} bytes`).toBeNull();
    }
    // A scan that is not a DC first scan before every component has its DC: not read.
    const missing = Buffer.concat([
      bytes.subarray(0, acStart - data.length - 10),
      bytes.subarray(acStart),
    ]);
    expect(firstScansEnd(missing, true)).toBeNull();
    // Nor one whose first scan is not a DC scan (an AC band, or a DC refinement).
    for (const first of [
      seg(0xda, [1, 1, 0, 1, 5, 0]),
      seg(0xda, [3, 1, 0, 2, 0, 3, 0, 0, 0, 0x10]),
    ]) {
      const odd = Buffer.from([
        0xff,
        0xd8,
        ...sof2,
        ...first,
        ...data,
        ...dc(1),
        ...data,
        ...dc(2),
        ...data,
        ...dc(3),
        ...data,
        0xff,
        0xd9,
      ]);
      expect(firstScansEnd(odd, true)).toBeNull();
    }
  });

  it('says null for what it does not read: baseline, not a JPEG, no scan, a lying length', async () => {
    expect(firstScansEnd(baseline, true)).toBeNull();
    expect(firstScansEnd(await picture(32, 32).png().toBuffer(), true)).toBeNull();
    expect(firstScansEnd(Buffer.from('not a jpeg at all'), false)).toBeNull();
    // The headers only, no scan: the whole file ends first.
    const [firstScan = 0] = scanStarts(progressive);
    expect(firstScansEnd(progressive.subarray(0, firstScan), true)).toBeNull();
    expect(
      firstScansEnd(Buffer.concat([progressive.subarray(0, firstScan), EOI]), true),
    ).toBeNull();
    // A segment claiming more bytes than the file holds.
    const lying = Buffer.from(progressive);
    lying.writeUInt16BE(0xfff0, 4); // the first segment after SOI
    expect(firstScansEnd(lying, true)).toBeNull();
    expect(firstScansEnd(lying, false)).toBe('more');
    // A length under 2, and a frame header whose length disagrees with its component count.
    const short = Buffer.from(progressive);
    short.writeUInt16BE(1, 4);
    expect(firstScansEnd(short, true)).toBeNull();
    const sof = progressive.indexOf(Buffer.from([0xff, 0xc2]));
    const frame = Buffer.from(progressive);
    frame[sof + 9] = 4; // four components in a header sized for three
    expect(firstScansEnd(frame, true)).toBeNull();
  });

  it('never throws, whatever the bytes: every cut, and random damage', () => {
    for (let n = 0; n <= progressive.length; n++) {
      const answer = firstScansEnd(progressive.subarray(0, n), n === progressive.length);
      expect(answer === null || answer === 'more' || (answer > 0 && answer <= n)).toBe(true);
    }
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(progressive.length - 1), fc.nat(255)), { maxLength: 8 }),
        fc.boolean(),
        (edits, whole) => {
          const damaged = Buffer.from(progressive);
          for (const [at, value] of edits) damaged[at] = value;
          const answer = firstScansEnd(damaged, whole);
          return (
            answer === null ||
            (answer === 'more' && !whole) ||
            (typeof answer === 'number' && answer > 0 && answer <= damaged.length)
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Each DQT segment's tables in `jpeg`, up to its first scan: [precision, entries]. */
function tables(jpeg: Buffer): [number, number[]][] {
  const out: [number, number[]][] = [];
  for (let i = 2; jpeg[i + 1] !== 0xda; i += 2 + jpeg.readUInt16BE(i + 2)) {
    if (jpeg[i + 1] !== 0xdb) continue;
    for (let at = i + 4; at < i + 2 + jpeg.readUInt16BE(i + 2);) {
      const wide = (jpeg[at] ?? 0) >> 4 === 1;
      const entries = Array.from({ length: 64 }, (_, k) =>
        wide ? jpeg.readUInt16BE(at + 1 + k * 2) : (jpeg[at + 1 + k] ?? 0),
      );
      out.push([wide ? 16 : 8, entries]);
      at += 1 + 64 * (wide ? 2 : 1);
    }
  }
  return out;
}

describe('firstScansJpeg', () => {
  it('is the DC scans, an EOI, and quantisation tables with their AC entries zeroed', async () => {
    const end = firstScansEnd(progressive, true);
    const jpeg = firstScansJpeg(progressive, true);
    if (typeof end !== 'number' || !Buffer.isBuffer(jpeg)) throw new Error('not cut');
    expect(jpeg.length).toBe(end + 2);
    expect([...jpeg.subarray(end)]).toEqual([0xff, 0xd9]);
    const before = tables(progressive);
    const after = tables(jpeg);
    expect(after.length).toBe(before.length);
    after.forEach(([, entries], n) => {
      expect(entries[0]).toBe(before[n]?.[1][0]); // the DC entry kept
      expect(entries.slice(1).every((q) => q === 0)).toBe(true);
    });
    // Outside the tables, the bytes are the file's own.
    const first = progressive.indexOf(Buffer.from([0xff, 0xda]));
    expect(jpeg.subarray(first, end).equals(progressive.subarray(first, end))).toBe(true);
    // It decodes to a picture as close to the whole file's as the DC scans alone give (no AC
    // coefficient is sent, so the zeroed entries multiply nothing; only libjpeg's smoothing
    // of such blocks is skipped). The sample is all hard edges and texture: mean |Δ| ~13.
    const rough = async (bytes: Buffer): Promise<Buffer> =>
      sharp(bytes, { failOn: 'warning' }).resize(40, 25).raw().toBuffer();
    const off = (a: Buffer, b: Buffer): number =>
      a.reduce((sum, v, k) => sum + Math.abs(v - (b[k] ?? 0)), 0) / a.length;
    const whole = await rough(progressive);
    const plain = await rough(Buffer.concat([progressive.subarray(0, end), EOI]));
    const zeroed = await rough(jpeg);
    expect(off(zeroed, whole)).toBeLessThanOrEqual(off(plain, whole) + 1);
    expect(off(zeroed, whole)).toBeLessThan(20);
  });

  it('reads 16-bit tables, and refuses a table segment that does not add up', () => {
    /** A whole progressive JPEG of DC scans with `dqt` for its table segment. */
    const withTables = (dqt: number[]): Buffer =>
      Buffer.from([0xff, 0xd8, ...dqt, ...sof2, ...dc(1), ...dc(2), ...dc(3), ...data, 0xff, 0xd9]);
    const bytes = withTables(seg(0xdb, [0x10, ...new Array<number>(128).fill(2)]));
    const jpeg = firstScansJpeg(bytes, true);
    if (!Buffer.isBuffer(jpeg)) throw new Error('not cut');
    expect(tables(jpeg)).toEqual([[16, [0x0202, ...new Array<number>(63).fill(0)]]]);
    for (const odd of [
      seg(0xdb, [0x00, ...new Array<number>(60).fill(2)]), // a table cut short
      seg(0xdb, [0x20, ...new Array<number>(64).fill(2)]), // precision 2
      seg(0xdb, [0x00, ...new Array<number>(65).fill(2)]), // a byte left over
    ]) {
      const oddBytes = withTables(odd);
      expect(firstScansEnd(oddBytes, true)).toBeGreaterThan(0);
      expect(firstScansJpeg(oddBytes, true)).toBeNull();
    }
    expect(firstScansJpeg(bytes.subarray(0, 40), false)).toBe('more');
    expect(firstScansJpeg(baseline, true)).toBeNull();
  });
});
