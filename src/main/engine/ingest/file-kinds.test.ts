// File kinds by extension: only the table's own entries count.
import { describe, expect, it } from 'vitest';
import { expectedFormat, kindOf } from './file-kinds';

describe('file kinds', () => {
  it('reads the kind and expected format from the extension, case-insensitively', () => {
    expect(kindOf('SKU-1_01.JPG')).toBe('image');
    expect(expectedFormat('a.tif')).toBe('tiff');
    expect(kindOf('notes')).toBe('other');
  });

  it('takes no kind or format from names every object has', () => {
    for (const ext of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(kindOf(`x.${ext}`)).toBe('other');
      expect(expectedFormat(`x.${ext}`)).toBeUndefined();
    }
  });
});
