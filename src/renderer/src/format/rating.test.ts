// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatRating } from './rating';

describe('formatRating', () => {
  it('shows stars, and says so for rejected and unrated', () => {
    expect(formatRating(3)).toBe('★★★☆☆');
    expect(formatRating(5)).toBe('★★★★★');
    expect(formatRating(0)).toBe('Unrated');
    expect(formatRating(-1)).toBe('Rejected');
  });
});
