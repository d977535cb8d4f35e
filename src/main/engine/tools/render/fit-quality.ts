// Meeting a file-size limit: encode at the preset's quality; if too big, binary-search the
// quality between minQuality and that (about log2(range) encodes, usually 3–5); if too
// small for the channel's minimum, one encode at quality 100.

export interface Encoded {
  data: Buffer;
  quality: number;
}

export async function fitQuality(
  encode: (quality: number) => Promise<Buffer>,
  quality: number,
  minQuality: number,
  maxBytes: number | null,
  minBytes: number | null,
): Promise<Encoded & { encodes: number }> {
  let encodes = 1;
  const first = await encode(quality);
  if (minBytes !== null && first.length < minBytes && quality < 100) {
    encodes++;
    const best = await encode(100);
    return { data: best.length > first.length ? best : first, quality: 100, encodes };
  }
  if (maxBytes === null || first.length <= maxBytes) return { data: first, quality, encodes };
  let lo = Math.min(minQuality, quality - 1);
  let hi = quality - 1;
  let best: Encoded | null = null;
  let smallest: Encoded = { data: first, quality };
  while (lo <= hi) {
    const q = Math.floor((lo + hi) / 2);
    const data = await encode(q);
    encodes++;
    if (data.length < smallest.data.length) smallest = { data, quality: q };
    if (data.length <= maxBytes) {
      best = { data, quality: q };
      lo = q + 1;
    } else hi = q - 1;
  }
  // Nothing fits: the smallest tried goes out, and the output check reports the size.
  return { ...(best ?? smallest), encodes };
}
