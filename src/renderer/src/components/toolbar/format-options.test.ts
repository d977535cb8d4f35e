// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { makeAsset } from '../../test-support/fake-transport';
import { COMMON_FORMATS, formatOptions } from './format-options';

describe('formatOptions', () => {
  it('offers the common formats, then others seen or chosen, each once', () => {
    const pages = new Map([
      [0, [makeAsset(0, { format: 'mp4' }), makeAsset(1, { format: 'JPEG' })]],
      [3, [makeAsset(1500, { format: 'pdf' }), makeAsset(1501, { format: null })]],
    ]);
    expect(formatOptions(pages, ['glb', 'png'])).toEqual([...COMMON_FORMATS, 'glb', 'mp4', 'pdf']);
  });
});
