// "Same person" groups from FaceRes descriptors (1024 numbers per face), pure.
//
// Distance: cosine distance (1 − cos). A descriptor's length moves with the picture (11–12
// for a sharp face, 5.5 for a 60-pixel one) while its direction says who it is, so the
// angle compares a small face with a large one fairly; Euclidean distance does not.
//
// A new face joins the group whose centroid is nearest, when within FACE_THRESHOLD, else
// starts a group. Centroid rather than nearest member: nearest member chains (A near B near
// C lets a group creep from one person to a look-alike, and a release attached to the group
// would then cover someone who signed nothing), and a centroid is one comparison per group,
// stored with the group, so grouping never reads every descriptor in the library. A
// group's centroid is kept as the sum of its faces' unit descriptors: adding or removing a
// face is one addition, and the sum points where the mean does.
//
// FACE_THRESHOLD, measured with the real model (face-clusters.models.test.ts repeats the
// first two rows):
// - astronaut.png and camera.png, each in 11 framings (crops, ½ and ⅓ scale, brighter,
//   darker, JPEG q30, mirrored, grey, rotated 8°): every face within 0.090 (astronaut) and
//   0.104 (cameraman) of the centroid of its other framings; the other person, and every
//   other face below, at 0.56 or more.
// - Human's own screenshot-facematch.jpg (faces of ~100 px, JPEG, with captions drawn on
//   them): 11 different photos of one man within 0.234 of the centroid of his others; the
//   7 look-alikes the demo ranked nearest to him at 0.266 and more. Pairwise, his photos lie
//   0.14–0.41 apart and look-alikes from 0.26: one photo alone is a weaker centre than many.
// 0.25 sits in the gap of the hard case. Wrongly joined is the costly mistake (a release
// would cover a stranger); wrongly apart costs the user one merge.
export const FACE_THRESHOLD = 0.25;

export const DESCRIPTOR_LENGTH = 1024;

export function norm(v: Float32Array): number {
  let sum = 0;
  for (const x of v) sum += x * x;
  return Math.sqrt(sum);
}

/** 1 − cos(angle): 0 for the same direction, 1 at right angles. */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 1;
  return 1 - dot / Math.sqrt(na * nb);
}

/** `sum` plus (or minus) `face`'s unit descriptor, as a new array. */
export function addToCentroid(
  sum: Float32Array | null,
  face: Float32Array,
  sign: 1 | -1 = 1,
): Float32Array {
  const out = sum ? Float32Array.from(sum) : new Float32Array(face.length);
  const n = norm(face);
  if (n === 0) return out;
  for (let i = 0; i < face.length; i++) out[i] = out[i]! + (sign * face[i]!) / n;
  return out;
}

/** The centroid (sum of unit descriptors) of these faces; null for none. */
export function centroidOf(faces: readonly Float32Array[]): Float32Array | null {
  let sum: Float32Array | null = null;
  for (const f of faces) sum = addToCentroid(sum, f);
  return sum;
}

export interface GroupCentre {
  id: number;
  centroid: Float32Array;
}

export interface NewFace {
  id: number;
  assetId: number;
  descriptor: Float32Array;
}

export interface Placement {
  /** Faces that joined an existing group, by group id. */
  joined: Map<number, number[]>;
  /** New groups, each its faces in the order they came (the first one started it). */
  started: number[][];
  /** Every group's centroid after the faces joined (existing ids; started groups by index). */
  centroids: Map<number, Float32Array>;
  startedCentroids: Float32Array[];
}

/**
 * Places each new face, in order: into the nearest group by centroid within `threshold`,
 * else into a group of its own that later faces of this call may join. A face never joins
 * a group that already holds a face of the same photo (two faces in one frame are two
 * people); `sameAsset` gives the groups each asset's faces are in already. Faces already in
 * groups (pinned or not) are not inputs: nothing here moves them.
 */
export function placeFaces(
  groups: readonly GroupCentre[],
  faces: readonly NewFace[],
  sameAsset: ReadonlyMap<number, ReadonlySet<number>>,
  threshold = FACE_THRESHOLD,
): Placement {
  // Existing groups by id (≥ 1); new ones by −(index + 1), so one map serves both. Each
  // centre is also kept as a unit vector: a distance is then one dot product (1024
  // multiplications), which is what placing costs against thousands of groups.
  const centres = new Map<number, Float32Array>(groups.map((g) => [g.id, g.centroid]));
  const units = new Map<number, Float32Array>(groups.map((g) => [g.id, unit(g.centroid)]));
  const inAsset = new Map<number, Set<number>>();
  for (const [asset, ids] of sameAsset) inAsset.set(asset, new Set(ids));
  const joined = new Map<number, number[]>();
  const started: number[][] = [];
  for (const face of faces) {
    const taken = inAsset.get(face.assetId) ?? new Set<number>();
    const u = unit(face.descriptor);
    let best: number | null = null;
    let bestDistance = threshold;
    for (const [id, centre] of units) {
      if (taken.has(id)) continue;
      const d = 1 - dot(centre, u);
      if (d <= bestDistance) {
        best = id;
        bestDistance = d;
      }
    }
    let key: number;
    if (best === null) {
      started.push([face.id]);
      key = -started.length;
    } else {
      key = best;
      if (key < 0) started[-key - 1]!.push(face.id);
      else joined.set(key, [...(joined.get(key) ?? []), face.id]);
    }
    const centre = addToCentroid(centres.get(key) ?? null, face.descriptor);
    centres.set(key, centre);
    units.set(key, unit(centre));
    taken.add(key);
    inAsset.set(face.assetId, taken);
  }
  const centroids = new Map<number, Float32Array>();
  for (const id of joined.keys()) centroids.set(id, centres.get(id)!);
  return {
    joined,
    started,
    centroids,
    startedCentroids: started.map((_, i) => centres.get(-i - 1)!),
  };
}

function unit(v: Float32Array): Float32Array {
  const n = norm(v);
  return n === 0 ? new Float32Array(v.length) : v.map((x) => x / n);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** A descriptor as stored (Float32, little-endian) and back. */
export function descriptorBytes(v: Float32Array): Buffer {
  const out = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => out.writeFloatLE(x, i * 4));
  return out;
}

export function descriptorOf(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
