// What a user types is matched literally: % and _ are characters, not LIKE wildcards, and a
// NUL is refused with the caret under it, against a real index.
import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../../shared/errors';
import { startWithPhotos } from '../../test-support/engine-harness';
import { MAX_DEPTH, parseQuery } from './parse-query';

describe('query values are literal', () => {
  it('name:, folder:, tag: and sku: match % _ and \\ as themselves; constructor is no field', async () => {
    const p = await startWithPhotos(
      'like',
      ['100%_cotton.jpg', 'a_b.jpg', 'axb.jpg', 'back\\slash.jpg', 'plain.jpg'],
      40,
    );
    try {
      const names = async (query: string) =>
        (await p.h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name).sort();
      expect(await names('name:%')).toEqual(['100%_cotton.jpg']);
      expect(await names('name:_')).toEqual(['100%_cotton.jpg', 'a_b.jpg']);
      expect(await names('name:a_b')).toEqual(['a_b.jpg']);
      expect(await names('name:\\')).toEqual(['back\\slash.jpg']);
      expect(await names('name:%_')).toEqual(['100%_cotton.jpg']);
      await p.h.call('tags.apply', { ids: [p.id['axb.jpg'] as number], path: 'Sale|50%' });
      expect(await names('tag:%')).toEqual([]);
      expect(await names('tag:50%')).toEqual(['axb.jpg']);
      expect(await names('tag:sale|5_%')).toEqual([]);
      expect(await names('folder:%')).toEqual([]);
      expect(await names('camera:%')).toEqual([]);
      expect(await names('sku:%')).toEqual([]);
      // Names every object has are not formats or number fields (found by the fuzz test).
      expect(await names('format:constructor')).toEqual([]);
      expect(await names('format:toString')).toEqual([]);
      await expect(names('kind:__proto__')).rejects.toThrow(/^kind: is one of image/);
      await expect(names('constructor>=1')).rejects.toThrow(/Unknown number field 'constructor'/);
    } finally {
      await p.dispose();
    }
  });
});

describe('hostile query text', () => {
  const messageOf = (query: string): string => {
    try {
      parseQuery(query);
    } catch (error) {
      expect(error).toBeInstanceOf(PackshotError);
      return (error as Error).message;
    }
    throw new Error('parsed');
  };

  it('refuses a NUL with the caret under it, the NUL shown as ␀', () => {
    expect(messageOf('red name:a\0b')).toBe(
      'A NUL character cannot be searched for (at column 11)\n  red name:a␀b\n            ^',
    );
  });

  it(`refuses nesting deeper than ${MAX_DEPTH}, and takes it up to there`, () => {
    const deep = (n: number) => `${'('.repeat(n)}red${')'.repeat(n)}`;
    expect(parseQuery(deep(MAX_DEPTH))).toEqual({ type: 'text', value: 'red', phrase: false });
    expect(messageOf(deep(MAX_DEPTH + 1))).toMatch(/^Nested more than 32 deep/);
    expect(messageOf(`${'-'.repeat(MAX_DEPTH + 1)}red`)).toMatch(/^Nested more than 32 deep/);
  });
});
