import { describe, expect, it } from 'vitest';
import type { CsvPreview } from '../../../../../shared/product-dto';
import {
  attributeCandidates,
  initialMapping,
  setField,
  toColumnMap,
  toggleAttribute,
} from './column-map';

const preview = (suggested: CsvPreview['suggested']): CsvPreview => ({
  encoding: 'utf-8',
  separator: ',',
  dialect: 'generic',
  headers: ['sku', 'title', 'parent', 'color', 'size'],
  rows: [],
  rowCount: 0,
  suggested,
});

describe('column mapping', () => {
  it('starts from the guess, ignoring columns the file does not have', () => {
    const state = initialMapping(
      preview({ sku: 'sku', name: 'title', parent: 'Parent SKU', attributes: ['color', 'weight'] }),
    );
    expect(state).toEqual({
      fields: { sku: 'sku', name: 'title', parent: '', channels: '', productType: '' },
      attributes: ['color'],
    });
  });

  it('takes a column used for a field out of the attributes and the candidates', () => {
    let state = initialMapping(preview({ sku: 'sku', attributes: ['color', 'parent'] }));
    state = setField(state, 'parent', 'parent');
    expect(state.attributes).toEqual(['color']);
    expect(attributeCandidates(['sku', 'title', 'parent', 'color', 'size'], state)).toEqual([
      'title',
      'color',
      'size',
    ]);
    state = toggleAttribute(toggleAttribute(state, 'size'), 'color');
    expect(toColumnMap(state)).toEqual({
      sku: 'sku',
      name: null,
      parent: 'parent',
      channels: null,
      productType: null,
      attributes: ['size'],
    });
  });

  it('has no map without a SKU column', () => {
    expect(toColumnMap(setField(initialMapping(preview({ sku: 'sku' })), 'sku', ''))).toBeNull();
  });
});
