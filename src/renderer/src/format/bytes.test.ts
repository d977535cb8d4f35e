// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatBytes, formatExactBytes } from './bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 KB'],
    [1234, '1.2 KB'],
    [9_940, '9.9 KB'],
    [9_960, '10 KB'],
    [512_000, '512 KB'],
    [999_600, '1.0 MB'],
    [1_234_567, '1.2 MB'],
    [12_345_678, '12 MB'],
    [5_000_000_000, '5.0 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('refuses nonsense instead of printing NaN', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatExactBytes', () => {
  it('groups digits and agrees in number', () => {
    expect(formatExactBytes(1_234_567)).toBe('1,234,567 bytes');
    expect(formatExactBytes(1)).toBe('1 byte');
  });
});
