// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatGps } from './location';

describe('formatGps', () => {
  it('names hemispheres instead of signs', () => {
    expect(formatGps({ latitude: 52.374031, longitude: 4.889689, altitude: 12.4 })).toBe(
      '52.37403° N, 4.88969° E, 12 m',
    );
    expect(formatGps({ latitude: -33.8568, longitude: -70.6483, altitude: null })).toBe(
      '33.85680° S, 70.64830° W',
    );
  });
});
