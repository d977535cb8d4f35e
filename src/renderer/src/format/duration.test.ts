// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatEta } from './duration';

describe('formatEta', () => {
  it.each<[number | null, string]>([
    [null, '—'],
    [Number.POSITIVE_INFINITY, '—'],
    [0.2, '< 1 s'],
    [45, '45 s'],
    [59.6, '1 min'],
    [185, '3 min 5 s'],
    [3600, '1 h'],
    [3725, '1 h 2 min'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});
