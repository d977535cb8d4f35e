/** One byte per asset id: 1 where a term is TRUE (or FALSE, for its false set). */
export type Bits = Uint8Array;

/**
 * `out` AND (`every`) or OR `other`, four ids a step: the bytes are 0 or 1, so a 32-bit
 * AND or OR is the same as each byte's. Sets are whole arrays (offset 0).
 */
export function combine(out: Bits, other: Bits, every: boolean): void {
  const words = out.length >>> 2;
  const a = new Uint32Array(out.buffer, 0, words);
  const b = new Uint32Array(other.buffer, 0, words);
  if (every) for (let i = 0; i < words; i++) a[i]! &= b[i]!;
  else for (let i = 0; i < words; i++) a[i]! |= b[i]!;
  for (let i = words << 2; i < out.length; i++)
    out[i] = every ? out[i]! & other[i]! : out[i]! | other[i]!;
}

/** How many ids a set holds: four bytes of 0 or 1 a step, summed by one multiply. */
export function ones(bits: Bits): number {
  const words = bits.length >>> 2;
  const w = new Uint32Array(bits.buffer, 0, words);
  let count = 0;
  for (let i = 0; i < words; i++) count += Math.imul(w[i]!, 0x01010101) >>> 24;
  for (let i = words << 2; i < bits.length; i++) count += bits[i]!;
  return count;
}
