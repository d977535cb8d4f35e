// toAsset's shortcuts must give what the plain code gave: the path `join` gives, and the
// same keys in the same order (the answers' JSON), with or without keywords.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns } from '../../test-support/fuzz-runs';
import { assetPath, toAsset, type AssetRow } from './asset-row';

const plainJoin = (catalog: string, rel: string): string => join(catalog, ...rel.split('/'));

const row: AssetRow = {
  id: 7,
  catalog_id: 2,
  catalog_path: '/photos/Shoot',
  rel_path: '2026/May/a.jpg',
  name: 'a.jpg',
  folder: '2026/May',
  bytes: 1234,
  mtime_ms: 5,
  hash: 'h',
  format: 'jpeg',
  width: 400,
  height: 300,
  state: 'ok',
  error: null,
  thumb: 'ready',
  kind: 'image',
  orientation: 6,
  captured_at: '2026-05-01T10:00:00',
  camera: 'Canon',
  duplicate_of: null,
  placeholder: 'ph',
  notice: null,
  added_at: 1_793_491_200_001,
  versions: 1,
  rating: 4,
  flag: 'pick',
  label: 'red',
  colors: '[{"hex":"#f4f4f2","name":"white","share":0.6}]',
  white_bg: 0.9,
  fill: null,
  sharpness: 0.5,
  similar_group: 3,
  violation: null,
};

/** The contract's key order; keywords sit after camera when a caller asks for them. */
const KEYS = [
  'id',
  'catalogId',
  'path',
  'relPath',
  'name',
  'format',
  'width',
  'height',
  'bytes',
  'mtimeMs',
  'hash',
  'state',
  'error',
  'thumb',
  'kind',
  'folder',
  'orientation',
  'displayWidth',
  'displayHeight',
  'capturedAt',
  'camera',
  'duplicateOf',
  'versions',
  'placeholder',
  'notice',
  'addedAt',
  'rating',
  'flag',
  'label',
  'analysis',
  'similarGroup',
  'violation',
];

describe('toAsset', () => {
  it('gives every field, a quarter turn swapping the shown size', () => {
    const asset = toAsset(row);
    expect(Object.keys(asset)).toEqual(KEYS);
    expect(asset).toMatchObject({
      path: join('/photos/Shoot', '2026', 'May', 'a.jpg'),
      displayWidth: 300,
      displayHeight: 400,
      addedAt: new Date(1_793_491_200_001).toISOString(),
      analysis: {
        colors: [{ hex: '#f4f4f2', name: 'white', share: 0.6 }],
        whiteBackground: 0.9,
        fill: 0,
        sharpness: 0.5,
      },
    });
    expect(toAsset({ ...row, sharpness: null }).analysis).toBeNull();
    expect(toAsset({ ...row, colors: 'not json' }).analysis?.colors).toEqual([]);
  });

  it('puts keywords after camera, and is otherwise the same object', () => {
    const withKeywords = toAsset(row, ['Footwear']);
    const keys = [...KEYS];
    keys.splice(keys.indexOf('camera') + 1, 0, 'keywords');
    expect(Object.keys(withKeywords)).toEqual(keys);
    const { keywords, ...rest } = withKeywords;
    expect(keywords).toEqual(['Footwear']);
    expect(rest).toEqual(toAsset(row));
  });
});

describe('assetPath', () => {
  it('is join on the edges a concatenation would get wrong', () => {
    const catalogs = ['/photos', '/photos/', '/', '.', '', 'rel', '/a/./b', '/a/../b', '//x', '..'];
    const rels = ['a.jpg', 'a/b.jpg', '', '/a', 'a/', 'a//b', './a', 'a/../b', '..', '...', '.a/b'];
    for (const catalog of catalogs)
      for (const rel of rels) expect(assetPath(catalog, rel)).toBe(plainJoin(catalog, rel));
  });

  it('is join for any catalog and relative path', () => {
    const segment = fc.constantFrom('', '.', '..', '...', 'a', 'b c', 'é', '.x', 'x.');
    const path = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, path, fc.boolean(), (catalog, rel, absolute) => {
        const root = absolute ? `/${catalog}` : catalog;
        expect(assetPath(root, rel)).toBe(plainJoin(root, rel));
      }),
      fuzzRuns(2000),
    );
  });
});
