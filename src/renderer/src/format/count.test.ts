// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatCount, formatRate } from './count';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(7)).toBe('7');
  });
});

describe('formatRate', () => {
  it('shows a decimal only for slow rates', () => {
    expect(formatRate(2.46)).toBe('2.5 files/s');
    expect(formatRate(1234.4)).toBe('1,234 files/s');
    expect(formatRate(0)).toBe('0 files/s');
  });
});
