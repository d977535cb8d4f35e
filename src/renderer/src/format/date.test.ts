// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatCaptureDate, formatInstant } from './date';

describe('formatCaptureDate', () => {
  it.each([
    ['2026-03-12T14:05:09', '12 Mar 2026, 14:05:09'],
    ['2026-03-12 14:05', '12 Mar 2026, 14:05'],
    ['2026-03-02', '2 Mar 2026'],
    ['2026-12-31T23:59:59.250+02:00', '31 Dec 2026, 23:59:59 UTC+02:00'],
    ['2026-01-01T00:00:00Z', '1 Jan 2026, 00:00:00 UTC'],
    ['sometime in May', 'sometime in May'],
    ['2026-13-01', '2026-13-01'],
  ])('%s → %s', (recorded, shown) => {
    expect(formatCaptureDate(recorded)).toBe(shown);
  });
});

describe('formatInstant', () => {
  it('shows a readable local date, or the input when it is not a date', () => {
    expect(formatInstant('2026-06-15T12:00:00Z')).toMatch(/15 Jun 2026/);
    expect(formatInstant('soon')).toBe('soon');
  });
});
