/**
 * Where a progressive JPEG's DC scans end. A progressive file sends every block's average
 * colour first (the DC scans, often 5–10 % of the file), then the detail: the bytes up to
 * the end of its DC scans, with an EOI appended, are a valid JPEG of the whole picture at
 * 1/8 of its size, enough for a placeholder (`firstScansJpeg`), for a ninth of a full
 * decode's CPU on the plasma wallpapers.
 *
 * `firstScansEnd(data, whole)` answers, for the file's first bytes `data` (`whole`: they are
 * the whole file):
 * - a number: the DC scans of every component end at that offset;
 * - 'more': they may end past `data`: read further and ask again;
 * - null: not a progressive JPEG, or not one this reads (no DC scan first, a damaged or
 *   lying marker): decode the file as a whole.
 */
export function firstScansEnd(data: Uint8Array, whole: boolean): number | 'more' | null {
  const found = walk(data, whole);
  return typeof found === 'object' && found !== null ? found.end : found;
}

const EOI = [0xff, 0xd9];

/**
 * The JPEG to decode for the DC scans (see firstScansEnd for 'more' and null): the bytes up
 * to their end and an EOI, with every quantisation table's AC entries set to zero. No AC
 * coefficient is sent, so those entries multiply nothing; but libjpeg smooths a block whose
 * AC coefficients are missing (estimates them from its neighbours) unless a table's first
 * AC entries are zero, and at 1/8 scale the smoothing only costs time: 25 ms of CPU instead
 * of 66 for a 5120 px wallpaper.
 */
export function firstScansJpeg(data: Uint8Array, whole: boolean): Buffer | 'more' | null {
  const found = walk(data, whole);
  if (typeof found !== 'object' || found === null) return found;
  const jpeg = Buffer.alloc(found.end + EOI.length);
  jpeg.set(data.subarray(0, found.end));
  jpeg.set(EOI, found.end);
  for (const [body, next] of found.tables) if (!zeroAcEntries(jpeg, body, next)) return null;
  return jpeg;
}

/** Zeroes the AC entries of each table in one DQT segment; false when it does not add up. */
export function zeroAcEntries(
  jpeg: Buffer,
  body: number,
  next: number,
  only?: Set<number>,
): boolean {
  let at = body;
  while (at < next) {
    const precision = (jpeg[at] ?? 0) >> 4; // 0: 8-bit entries, 1: 16-bit
    if (precision > 1) return false;
    const entry = precision + 1;
    const end = at + 1 + 64 * entry;
    if (end > next) return false;
    // all but the DC entry, of every table or of those `only` names
    if (!only || only.has((jpeg[at] ?? 0) & 15)) jpeg.fill(0, at + 1 + entry, end);
    at = end;
  }
  return at === next;
}

interface Found {
  end: number;
  /** Each DQT segment before `end`: [its body's offset, the next segment's]. */
  tables: [number, number][];
}

function walk(data: Uint8Array, whole: boolean): Found | 'more' | null {
  const more = whole ? null : 'more';
  const tables: [number, number][] = [];
  if (data.length < 2) return more;
  if (data[0] !== 0xff || data[1] !== 0xd8) return null;
  let components: Set<number> | null = null;
  /** Components whose DC coefficients a scan so far has sent. */
  const sent = new Set<number>();
  let i = 2;
  for (;;) {
    if (i + 4 > data.length) return more;
    if (data[i] !== 0xff) return null; // not at a marker: damaged
    const marker = data[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // a fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7))
      return null; // a second SOI, the end, or a marker that belongs inside a scan
    const length = ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    if (length < 2) return null;
    const body = i + 4;
    const next = i + 2 + length;
    if (next > data.length) return more;
    if (isFrame(marker)) {
      // Only SOF2 (progressive, Huffman); one frame per file.
      if (marker !== 0xc2 || components) return null;
      components = frameComponents(data, body, next);
      if (!components) return null;
    } else if (marker === 0xda) {
      if (!components) return null; // a scan before its frame
      const scan = scanHeader(data, body, next);
      if (!scan) return null;
      // A DC first scan: spectral 0–0, no successive-approximation refinement.
      if (scan.ss !== 0 || scan.se !== 0 || scan.ah !== 0) return null;
      for (const id of scan.ids) {
        if (!components.has(id)) return null;
        sent.add(id);
      }
      const end = entropyEnd(data, next);
      if (end === null) return more;
      if (sent.size === components.size) return { end, tables };
      i = end;
      continue;
    } else if (marker === 0xdb) tables.push([body, next]);
    i = next;
  }
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
export function isFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The frame's component ids, or null when its header does not add up. */
export function frameComponents(data: Uint8Array, body: number, next: number): Set<number> | null {
  const count = data[body + 5] ?? 0;
  if (count < 1 || count > 4 || body + 6 + count * 3 !== next) return null;
  const height = ((data[body + 1] ?? 0) << 8) | (data[body + 2] ?? 0);
  const width = ((data[body + 3] ?? 0) << 8) | (data[body + 4] ?? 0);
  if (width === 0 || height === 0) return null;
  const ids = new Set<number>();
  for (let c = 0; c < count; c++) ids.add(data[body + 6 + c * 3] ?? 0);
  return ids.size === count ? ids : null;
}

export function scanHeader(
  data: Uint8Array,
  body: number,
  next: number,
): { ids: number[]; ss: number; se: number; ah: number } | null {
  const count = data[body] ?? 0;
  if (count < 1 || count > 4 || body + 1 + count * 2 + 3 !== next) return null;
  const ids: number[] = [];
  for (let c = 0; c < count; c++) ids.push(data[body + 1 + c * 2] ?? 0);
  const at = body + 1 + count * 2;
  return { ids, ss: data[at] ?? 0, se: data[at + 1] ?? 0, ah: (data[at + 2] ?? 0) >> 4 };
}

/**
 * The offset of the marker that ends the entropy-coded data starting at `from`, or null when
 * the data runs past the end. Inside it, 0xFF is followed by 0x00 (a stuffed byte), a
 * restart marker (D0–D7), or more 0xFF (fill).
 */
export function entropyEnd(data: Uint8Array, from: number): number | null {
  let at = from;
  for (;;) {
    const ff = indexOfFF(data, at);
    if (ff < 0 || ff + 1 >= data.length) return null;
    const after = data[ff + 1] ?? 0;
    if (after === 0x00 || (after >= 0xd0 && after <= 0xd7)) at = ff + 2;
    else if (after === 0xff) at = ff + 1;
    else return ff;
  }
}

/** indexOf through Buffer's (memchr) when it is one; a plain loop otherwise. */
function indexOfFF(data: Uint8Array, from: number): number {
  if (Buffer.isBuffer(data)) return data.indexOf(0xff, from);
  for (let k = from; k < data.length; k++) if (data[k] === 0xff) return k;
  return -1;
}
