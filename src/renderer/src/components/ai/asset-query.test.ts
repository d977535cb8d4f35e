import { describe, expect, it } from 'vitest';
import { assetQuery } from './asset-query';

describe('assetQuery', () => {
  it('names the folder and the file, quoted so spaces and parentheses survive', () => {
    expect(assetQuery({ folder: 'shoot 2/day (1)', name: 'SKU-1 front.jpg' })).toBe(
      'folder:"shoot 2/day (1)" name:"SKU-1 front.jpg"',
    );
  });

  it('leaves out the root folder, and a folder it cannot quote', () => {
    expect(assetQuery({ folder: '', name: 'a.jpg' })).toBe('name:"a.jpg"');
    expect(assetQuery({ folder: 'say "hi"', name: 'a.jpg' })).toBe('name:"a.jpg"');
  });

  it('keeps the longest quote-free piece of a name with quotes', () => {
    expect(assetQuery({ folder: '', name: 'the "big" sale banner.png' })).toBe(
      'name:" sale banner.png"',
    );
  });
});
