import {
  entropyEnd,
  frameComponents,
  isFrame,
  scanHeader,
  zeroAcEntries,
} from './jpeg-first-scans';
import { THUMB_PX } from './render-thumbnail';

/**
 * What the full index decodes for a file's own pixels: a big progressive JPEG's DC-only
 * stream (dcOnlyJpeg) when its grid thumbnail is all that decode makes, else the input as
 * it is. `orientation` is given only for an embedded preview (RAW, HEIC), whose explicit
 * rotate may turn sharp's shrink-on-load off: those are decoded as they are.
 */
export function thumbnailSource(
  input: Buffer | string,
  orientation: number | null | undefined,
): Buffer | string {
  if (typeof input === 'string' || (orientation !== undefined && orientation !== null))
    return input;
  return dcOnlyJpeg(input, THUMB_PX) ?? input;
}

/**
 * Whether sharp decodes a JPEG of `width`×`height` at 1/8 (libjpeg's DCT scaling, which
 * reads each 8×8 block's DC coefficient only) for `.rotate().resize(side, side, { fit:
 * 'inside', withoutEnlargement })`. sharp 0.35's pipeline.cc: shrink = the larger side /
 * `side`; 8 when shrink ≥ 8, but one step lower when its integer part equals the step
 * ("known libjpeg rounding errors"), so 1/8 needs shrink ≥ 9: 2880 px for 320.
 */
export function decodesAtEighth(width: number, height: number, side: number): boolean {
  const shrink = Math.max(1, Math.max(width, height) / side);
  let onLoad = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
  if (onLoad > 1 && Math.trunc(shrink) === onLoad) onLoad /= 2;
  return onLoad === 8;
}

/**
 * A progressive JPEG without the AC scans a decode at 1/8 does not read: the same pixels for
 * a fraction of the CPU (the AC scans are most of the file and of its Huffman decoding). At
 * 1/8 a full-resolution component (luma; every one in 4:4:4 or grey) reads its blocks' DC
 * coefficient alone; a subsampled one (4:2:0 chroma) reads some AC too (frameOf), so its AC
 * scans stay. Every other segment and every DC scan (first and refinement) is kept as it is;
 * the DC-only components' quantisation tables get their AC entries zeroed, which turns off
 * libjpeg's smoothing of blocks whose AC coefficients are missing (the whole file, with
 * every coefficient sent, is not smoothed). Null, to decode the file as it is, unless a
 * `side` px thumbnail of it decodes at 1/8 (decodesAtEighth) and the file is plainly one
 * progressive Huffman frame of 1 or 3 components (no Adobe marker, so no CMYK or RGB
 * transform) whose DC-only components have tables of their own, ending at its EOI, with
 * every marker where it should be.
 */
export function dcOnlyJpeg(data: Buffer, side: number): Buffer | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  const kept: [number, number][] = [[0, 2]];
  let frame: Map<number, Component> | null = null;
  let dropped = false;
  let i = 2;
  for (;;) {
    if (i + 2 > data.length || data[i] !== 0xff) return null; // damaged, or no EOI
    const marker = data[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // a fill byte
      continue;
    }
    if (marker === 0xd9) {
      // Anything after the EOI (a gain map, a trailer) may change how libvips loads it.
      if (i + 2 !== data.length || !frame || !dropped) return null;
      kept.push([i, i + 2]);
      break;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return null;
    if (i + 4 > data.length) return null;
    const length = ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    const body = i + 4;
    const next = i + 2 + length;
    if (length < 2 || next > data.length) return null;
    if (marker === 0xee) return null; // Adobe: CMYK, YCCK or untransformed RGB
    if (isFrame(marker)) {
      if (marker !== 0xc2 || frame) return null; // progressive Huffman, one frame
      frame = frameOf(data, body, next, side);
      if (!frame) return null;
    }
    if (marker !== 0xda) {
      kept.push([i, next]);
      i = next;
      continue;
    }
    const components = frame;
    if (!components) return null; // a scan before its frame
    const scan = scanHeader(data, body, next);
    if (!scan || scan.ids.some((id) => !components.has(id))) return null;
    const end = entropyEnd(data, next);
    if (end === null) return null; // runs past the end: truncated
    const acOnly = scan.ss > 0 && scan.ids.length === 1;
    if (acOnly && components.get(scan.ids[0] ?? -1)?.dcOnly) dropped = true;
    else if (scan.ss === 0 && scan.se !== 0)
      return null; // DC and AC in one scan: not progressive
    else kept.push([i, end]);
    i = end;
  }
  if (!frame) return null;
  return withZeroAc(data, kept, zeroable(frame));
}

interface Component {
  table: number;
  /** Whether its IDCT at 1/8 is 1×1, which reads the DC coefficient alone. */
  dcOnly: boolean;
}

/**
 * The frame's components, or null when a `side` px thumbnail of it does not decode at 1/8
 * or the header does not add up. At 1/8, libjpeg-turbo (jdmaster.c) gives a subsampled
 * component a larger IDCT (2×2 for 4:2:0 chroma) instead of upsampling it afterwards, and
 * that one reads AC coefficients too: its AC scans are kept.
 */
function frameOf(
  data: Buffer,
  body: number,
  next: number,
  side: number,
): Map<number, Component> | null {
  if (!frameComponents(data, body, next)) return null;
  const count = data[body + 5] ?? 0;
  if (count !== 1 && count !== 3) return null;
  const height = ((data[body + 1] ?? 0) << 8) | (data[body + 2] ?? 0);
  const width = ((data[body + 3] ?? 0) << 8) | (data[body + 4] ?? 0);
  if (!decodesAtEighth(width, height, side)) return null;
  const raw: { id: number; h: number; v: number; table: number }[] = [];
  for (let c = 0; c < count; c++) {
    const at = body + 6 + c * 3;
    const factors = data[at + 1] ?? 0;
    raw.push({ id: data[at] ?? 0, h: factors >> 4, v: factors & 15, table: data[at + 2] ?? 0 });
  }
  if (raw.some((c) => c.h < 1 || c.v < 1)) return null;
  const maxH = Math.max(...raw.map((c) => c.h));
  const maxV = Math.max(...raw.map((c) => c.v));
  const components = new Map<number, Component>();
  for (const c of raw) {
    // jdmaster.c's loop, first step, with min_DCT_scaled_size 1: does ssize grow past 1?
    const grows = maxH % (c.h * 2) === 0 && maxV % (c.v * 2) === 0;
    components.set(c.id, { table: c.table, dcOnly: !grows });
  }
  return components;
}

/**
 * The quantisation tables whose AC entries may be zeroed: those only DC-only components use.
 * Zeroing one is enough to turn smoothing off (libjpeg's smoothing_ok asks every component).
 */
function zeroable(frame: Map<number, Component>): Set<number> {
  const tables = new Set<number>();
  for (const c of frame.values()) if (c.dcOnly) tables.add(c.table);
  for (const c of frame.values()) if (!c.dcOnly) tables.delete(c.table);
  return tables;
}

/** The kept ranges, joined, with the AC entries of the `zero` tables zeroed. */
function withZeroAc(data: Buffer, kept: [number, number][], zero: Set<number>): Buffer | null {
  if (zero.size === 0) return null; // smoothing would run: not what the whole file decodes
  const out = Buffer.allocUnsafe(kept.reduce((sum, [from, to]) => sum + to - from, 0));
  let at = 0;
  for (const [from, to] of kept) {
    data.copy(out, at, from, to);
    if (data[from + 1] === 0xdb && !zeroAcEntries(out, at + 4, at + to - from, zero)) return null;
    at += to - from;
  }
  return out;
}
