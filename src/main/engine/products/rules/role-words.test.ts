// Role words in file names: only the table's own entries are roles.
import { describe, expect, it } from 'vitest';
import { roleOf } from './link-rule';

describe('role words', () => {
  it('names no role by a name every object has', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'valueOf'])
      expect(roleOf(word)).toBeNull();
    expect(roleOf('main')).toBe('main');
  });
});
