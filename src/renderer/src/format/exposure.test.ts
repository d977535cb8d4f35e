// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatExposure, formatShutter } from './exposure';

describe('formatShutter', () => {
  it.each([
    [1 / 250, '1/250 s'],
    [0.004, '1/250 s'],
    [1 / 8000, '1/8000 s'],
    [0.4, '1/2.5 s'],
    [0.5, '1/2 s'],
    [2, '2 s'],
    [1.3, '1.3 s'],
    [30, '30 s'],
    [0, '—'],
  ])('%s s → %s', (seconds, shown) => {
    expect(formatShutter(seconds)).toBe(shown);
  });
});

describe('formatExposure', () => {
  it('joins what was recorded', () => {
    expect(formatExposure({ exposureTime: 0.004, fNumber: 2.8, iso: 100, focalLength: 50 })).toBe(
      '1/250 s, f/2.8, ISO 100, 50 mm',
    );
    expect(formatExposure({ exposureTime: null, fNumber: 8, iso: null, focalLength: 24.5 })).toBe(
      'f/8, 24.5 mm',
    );
    expect(
      formatExposure({ exposureTime: null, fNumber: null, iso: null, focalLength: null }),
    ).toBeNull();
  });
});
