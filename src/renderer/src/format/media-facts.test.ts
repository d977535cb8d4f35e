import { describe, expect, it } from 'vitest';
import {
  formatBitrate,
  formatFps,
  formatModelSize,
  formatPlayTime,
  validatorProblems,
} from './media-facts';

describe('media facts for people', () => {
  it('writes play time as m:ss, whole seconds cut down, hours when long', () => {
    expect(formatPlayTime(0)).toBe('0:00');
    expect(formatPlayTime(12_600)).toBe('0:12'); // cut, not rounded: duration=12 finds it
    expect(formatPlayTime(12_999)).toBe('0:12');
    expect(formatPlayTime(95_000)).toBe('1:35');
    expect(formatPlayTime(3_723_000)).toBe('1:02:03');
  });

  it('writes frame and bit rates', () => {
    expect(formatFps(29.97003)).toBe('29.97 fps');
    expect(formatFps(25)).toBe('25 fps');
    expect(formatBitrate(2_400_000)).toBe('2.4 Mbit/s');
    expect(formatBitrate(128_000)).toBe('128 kbit/s');
  });

  it('reads a model size as an array or an object, and nothing else', () => {
    expect(formatModelSize([0.5, 0.9, 0.451])).toBe('0.50 × 0.90 × 0.45 m');
    expect(formatModelSize({ x: 12, y: 1, z: 2 })).toBe('12.0 × 1.00 × 2.00 m');
    expect(formatModelSize({ width: 1, height: 2, depth: 3 })).toBe('1.00 × 2.00 × 3.00 m');
    expect(formatModelSize([1, 2])).toBeNull();
    expect(formatModelSize('big')).toBeNull();
    expect(formatModelSize(undefined)).toBeNull();
  });

  it("lists a validator's problems from the shapes it may come in", () => {
    expect(validatorProblems(['Buffer is cut'])).toEqual(['Buffer is cut']);
    expect(
      validatorProblems({
        errors: [{ message: 'Accessor out of range', code: 'ACCESSOR_OOR' }],
        warnings: ['Unused texture'],
        other: 4,
      }),
    ).toEqual(['error: Accessor out of range (ACCESSOR_OOR)', 'warning: Unused texture']);
    expect(validatorProblems({ messages: [{ message: 'x', severity: 'info' }, 7] })).toEqual([
      'info: x',
    ]);
    expect(validatorProblems(null)).toEqual([]);
  });
});
