// A USDZ package: a zip of stored (uncompressed) entries whose data each start at a
// multiple of 64 bytes, so USD can map them in place. The root layer comes first. fflate
// writes the zip; the padding goes in each local header's extra field (id 0x1986, as USD's
// own writer does), sized from the offsets fflate will use (30 + name + extra + data).
import type { Zippable } from 'fflate';
import { lazyModule } from '../lazy-module';

export const USDZ_ALIGN = 64;
// Loaded when a USDZ is made, not with the engine.
const fflate = lazyModule<typeof import('fflate')>('fflate');
const PAD_ID = 0x1986;
// A fixed time: the same model makes the same bytes.
const MTIME = new Date(2000, 0, 1);

export interface UsdzEntry {
  /** Inside the package, '/'-separated; the first is the root layer (.usda or .usdc). */
  name: string;
  data: Uint8Array;
}

export function usdzZip(entries: readonly UsdzEntry[]): Uint8Array {
  const files: Zippable = {};
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.byteLength(name, 'utf8');
    const header = 30 + nameBytes;
    // An extra field is at least its 4-byte header: a gap under 4 takes one more block.
    let pad = (USDZ_ALIGN - ((offset + header) % USDZ_ALIGN)) % USDZ_ALIGN;
    if (pad > 0 && pad < 4) pad += USDZ_ALIGN;
    const extra = pad > 0 ? { [PAD_ID]: new Uint8Array(pad - 4) } : undefined;
    files[name] = [data, { level: 0, mtime: MTIME, ...(extra ? { extra } : {}) }];
    offset += header + pad + data.length;
  }
  return fflate().zipSync(files);
}

/** Each stored entry's name and the offset of its data, read from the local headers. */
export function usdzEntries(
  zip: Uint8Array,
): { name: string; offset: number; size: number; method: number }[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; offset: number; size: number; method: number }[] = [];
  let at = 0;
  while (at + 30 <= view.length && view.readUInt32LE(at) === 0x04034b50) {
    const method = view.readUInt16LE(at + 8);
    const size = view.readUInt32LE(at + 18);
    const nameLength = view.readUInt16LE(at + 26);
    const extraLength = view.readUInt16LE(at + 28);
    const name = view.toString('utf8', at + 30, at + 30 + nameLength);
    const offset = at + 30 + nameLength + extraLength;
    out.push({ name, offset, size, method });
    at = offset + size;
  }
  return out;
}
