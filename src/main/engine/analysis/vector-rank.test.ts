// Ranking by vectors with hostile rows: a vector holding NaN or Infinity (a model the user
// brought that overflowed, a damaged row) matches nothing, rather than every search.
import { describe, expect, it } from 'vitest';
import { rankVectors } from './vector-rank';

const packedOf = (rows: number[][]) => ({
  ids: Float64Array.from(rows.map((_, i) => i + 1)),
  vectors: Float32Array.from(rows.flat()),
  dim: rows[0]!.length,
});

describe('rankVectors', () => {
  const packed = packedOf([
    [1, 0, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [NaN, 0, 0, 0, 0],
    [Infinity, 0, 0, 0, 0],
    [0.8, 0.6, 0, 0, 0],
  ]);

  it('ranks finite rows best first and leaves non-numbers out', () => {
    const ranked = rankVectors(Float32Array.from([1, 0, 0, 0, 0]), packed, 0.2, 10);
    expect(ranked.ids).toEqual([1, 5]);
    expect(ranked.scores.get(5)).toBeCloseTo(0.8);
  });

  it('a query vector that is not a number matches nothing', () => {
    expect(rankVectors(Float32Array.from([NaN, 0, 0, 0, 0]), packed, 0.2, 10).ids).toEqual([]);
    expect(rankVectors(Float32Array.from([0, 0, 0, 0, 0]), packed, 0.2, 10).ids).toEqual([]);
  });
});
