import { describe, expect, it } from 'vitest';
import { isMediaKey, pageCacheKey, pageRequestKey, parsePageRequest } from './bridge';

const HASH = 'ab'.repeat(32);

describe('page requests', () => {
  it('round-trip through the URL and name the cache file', () => {
    const request = { hash: HASH, page: 12, width: 1024 };
    expect(pageRequestKey(request)).toBe(`${HASH}/12?w=1024`);
    expect(parsePageRequest(`${HASH}/12`, '1024')).toEqual(request);
    expect(pageCacheKey(request)).toBe(`${HASH}-12-1024`);
    expect(isMediaKey('page', pageCacheKey(request))).toBe(true);
  });

  it('refuse what is not one page at a width in range', () => {
    for (const [path, width] of [
      [`${HASH}/0`, '100'],
      [`${HASH}/01`, '100'],
      [`${HASH}/123456`, '100'],
      [`${HASH}/1`, null],
      [`${HASH}/1`, '15'],
      [`${HASH}/1`, '4097'],
      [`${HASH}/1`, '1e3'],
      [`${HASH}/1/`, '100'],
      [`${HASH.toUpperCase()}/1`, '100'],
      [`${HASH.slice(1)}/1`, '100'],
    ] as const)
      expect(parsePageRequest(path, width), `${path} w=${width}`).toBeNull();
    expect(isMediaKey('page', HASH)).toBe(false);
    expect(isMediaKey('thumb', `${HASH}-1-100`)).toBe(false);
  });
});
