// Ranking by similarity, pure: dot products of unit vectors over one packed buffer (the
// cosine, as CLIP's vectors are L2-normalised), and the look of a picture (perceptual hash
// and dominant colours) for "more like this" without a model.
import { popcount } from './hamming-index';

export interface Ranked {
  /** Best first; ties by the lower id. */
  ids: number[];
  scores: Map<number, number>;
}

/**
 * The rows of `vectors` (row i: dim floats, asset ids[i]) whose dot product with `query`
 * is at least `floor`, best first, at most `limit`; `skip` (the asset asked about) is left out.
 */
export function rankVectors(
  query: Float32Array,
  packed: { ids: Float64Array; vectors: Float32Array; dim: number },
  floor: number,
  limit: number,
  skip?: number,
): Ranked {
  const { ids, vectors, dim } = packed;
  const hits: { id: number; score: number }[] = [];
  if (query.length !== dim) return { ids: [], scores: new Map() };
  // Four running sums: independent additions the CPU overlaps (about twice as fast).
  const tail = dim & ~3;
  for (let row = 0, at = 0; row < ids.length; row++, at += dim) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let k = 0;
    for (; k < tail; k += 4) {
      s0 += (query[k] as number) * (vectors[at + k] as number);
      s1 += (query[k + 1] as number) * (vectors[at + k + 1] as number);
      s2 += (query[k + 2] as number) * (vectors[at + k + 2] as number);
      s3 += (query[k + 3] as number) * (vectors[at + k + 3] as number);
    }
    for (; k < dim; k++) s0 += (query[k] as number) * (vectors[at + k] as number);
    const sum = s0 + s1 + s2 + s3;
    // NaN or ±Infinity (a model that overflowed, a damaged row) is no likeness: without
    // this, NaN passes `sum < floor` and the row would match every search.
    if (!(sum >= floor) || sum === Infinity) continue;
    const id = ids[row] as number;
    if (id !== skip) hits.push({ id, score: sum });
  }
  return best(hits, limit);
}

/** One picture's look: its 64-bit perceptual hash and up to five colours with their shares. */
export interface Look {
  hi: number;
  lo: number;
  /** r, g, b (0..255) and share (0..1) per colour. */
  colours: number[];
}

/** Colours this far apart (RGB distance) count as unlike; nearer ones count in proportion. */
const COLOUR_REACH = 90;

/**
 * How alike two palettes are, 0..1: each colour of `a` is matched by the share of `b` near
 * it (a soft histogram intersection), so a red shoe on white is like a red bag on white.
 */
export function colourLikeness(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 3 < a.length; i += 4) {
    let near = 0;
    for (let j = 0; j + 3 < b.length; j += 4) {
      const dr = (a[i] as number) - (b[j] as number);
      const dg = (a[i + 1] as number) - (b[j + 1] as number);
      const db = (a[i + 2] as number) - (b[j + 2] as number);
      const d2 = dr * dr + dg * dg + db * db;
      if (d2 < COLOUR_REACH * COLOUR_REACH)
        near += (b[j + 3] as number) * (1 - Math.sqrt(d2) / COLOUR_REACH);
    }
    total += Math.min(a[i + 3] as number, near);
  }
  return Math.min(1, total);
}

/**
 * How alike two looks are, 0..1: the shape (perceptual hashes: 0 bits apart is 1, half
 * the bits apart, as unrelated pictures are, is 0) weighs 0.4, the colours 0.6. Colour
 * weighs more: the same framing in another colourway is a different product.
 */
export function lookLikeness(a: Look, b: Look): number {
  const bits = popcount(a.hi ^ b.hi) + popcount(a.lo ^ b.lo);
  const shape = Math.max(0, 1 - bits / 32);
  return 0.4 * shape + 0.6 * colourLikeness(a.colours, b.colours);
}

export function rankLooks(
  query: Look,
  looks: ReadonlyMap<number, Look>,
  floor: number,
  limit: number,
  skip: number,
): Ranked {
  const hits: { id: number; score: number }[] = [];
  for (const [id, look] of looks) {
    if (id === skip) continue;
    const score = lookLikeness(query, look);
    if (score >= floor) hits.push({ id, score });
  }
  return best(hits, limit);
}

function best(hits: { id: number; score: number }[], limit: number): Ranked {
  hits.sort((x, y) => y.score - x.score || x.id - y.id);
  if (hits.length > limit) hits.length = limit;
  return { ids: hits.map((h) => h.id), scores: new Map(hits.map((h) => [h.id, h.score])) };
}
