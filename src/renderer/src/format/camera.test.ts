// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatCamera } from './camera';

describe('formatCamera', () => {
  it('does not repeat the brand', () => {
    expect(formatCamera('Canon', 'Canon EOS R5')).toBe('Canon EOS R5');
    expect(formatCamera('NIKON CORPORATION', 'NIKON D750')).toBe('NIKON D750');
    expect(formatCamera('FUJIFILM', 'X-T4')).toBe('FUJIFILM X-T4');
    expect(formatCamera(null, 'iPhone 15')).toBe('iPhone 15');
    expect(formatCamera('Apple', ' ')).toBe('Apple');
    expect(formatCamera(null, null)).toBeNull();
  });
});
