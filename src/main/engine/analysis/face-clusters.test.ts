import { describe, expect, it } from 'vitest';
import {
  addToCentroid,
  centroidOf,
  cosineDistance,
  descriptorBytes,
  descriptorOf,
  placeFaces,
  type NewFace,
} from './face-clusters';

// Unit-ish vectors in 3 dimensions are enough to see the rules; the model's are 1024 long.
const v = (...xs: number[]): Float32Array => Float32Array.from(xs);
const face = (id: number, assetId: number, d: Float32Array): NewFace => ({
  id,
  assetId,
  descriptor: d,
});
const none = new Map<number, Set<number>>();

describe('face distances', () => {
  it('compares directions, not lengths', () => {
    expect(cosineDistance(v(1, 0, 0), v(5, 0, 0))).toBeCloseTo(0);
    expect(cosineDistance(v(1, 0, 0), v(0, 2, 0))).toBeCloseTo(1);
    expect(cosineDistance(v(1, 0, 0), v(-1, 0, 0))).toBeCloseTo(2);
    expect(cosineDistance(v(0, 0, 0), v(1, 0, 0))).toBe(1);
  });

  it('keeps a centroid as the sum of unit descriptors, so faces add and leave exactly', () => {
    const c = centroidOf([v(2, 0, 0), v(0, 3, 0)])!;
    expect([...c]).toEqual([1, 1, 0]);
    expect([...addToCentroid(c, v(0, 9, 0), -1)]).toEqual([1, 0, 0]);
    expect(centroidOf([])).toBeNull();
  });

  it('stores descriptors as little-endian Float32 and reads them back', () => {
    const d = v(0.5, -1.25, 3e-5);
    expect([...descriptorOf(descriptorBytes(d))]).toEqual([...d]);
    expect(descriptorBytes(v(1)).toString('hex')).toBe('0000803f');
  });
});

describe('placing new faces', () => {
  const anna = v(1, 0.1, 0);
  const ben = v(0, 1, 0.1);

  it('joins the nearest group within the threshold, else starts one that later faces join', () => {
    const placed = placeFaces(
      [
        { id: 1, centroid: anna },
        { id: 2, centroid: ben },
      ],
      [face(10, 100, v(1, 0.15, 0)), face(11, 101, v(0, 0, 1)), face(12, 102, v(0.05, 0, 1))],
      none,
      0.1,
    );
    expect([...placed.joined]).toEqual([[1, [10]]]);
    expect(placed.started).toEqual([[11, 12]]);
    // The joined group's centroid moved towards its new face; the new one holds both.
    expect(cosineDistance(placed.centroids.get(1)!, v(1, 0.15, 0))).toBeLessThan(
      cosineDistance(anna, v(1, 0.15, 0)),
    );
    expect(placed.startedCentroids[0]![2]).toBeCloseTo(2, 2);
  });

  it('a face at the threshold joins; just past it does not', () => {
    const at = (d: number) => v(1 - d, Math.sqrt(1 - (1 - d) ** 2), 0);
    const g = [{ id: 1, centroid: v(1, 0, 0) }];
    expect(placeFaces(g, [face(1, 1, at(0.099))], none, 0.1).joined.get(1)).toEqual([1]);
    expect(placeFaces(g, [face(1, 1, at(0.101))], none, 0.1).started).toEqual([[1]]);
  });

  it('never puts two faces of one photo in one group', () => {
    // Twins in one frame: the second starts a group although it is near the first.
    const twins = placeFaces([], [face(1, 7, anna), face(2, 7, v(1, 0.12, 0))], none, 0.1);
    expect(twins.started).toEqual([[1], [2]]);
    // A face whose photo already has a face in group 1 goes to the next nearest or its own.
    const taken = placeFaces(
      [{ id: 1, centroid: anna }],
      [face(3, 8, anna)],
      new Map([[8, new Set([1])]]),
      0.1,
    );
    expect(taken.joined.size).toBe(0);
    expect(taken.started).toEqual([[3]]);
  });

  it('by centroid, a chain of look-alikes does not creep into one group', () => {
    // Each step is within the threshold of the one before; nearest-member joining would
    // chain them all. The centroid stays with where the group began.
    const step = (deg: number) =>
      v(Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180), 0);
    const chain = [0, 20, 40, 60, 80].map((deg, i) => face(i + 1, i + 1, step(deg)));
    const threshold = 1 - Math.cos((25 * Math.PI) / 180);
    const placed = placeFaces([], chain, none, threshold);
    expect(placed.started.length).toBeGreaterThan(1);
    expect(placed.started[0]).not.toContain(5);
  });
});
