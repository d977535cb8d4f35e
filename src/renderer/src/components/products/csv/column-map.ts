// The mapping step's state: which header feeds each product field, which columns become
// attributes. Starts from the engine's guess; a column used for a field is not also an
// attribute.
import type { ColumnMap, CsvPreview } from '../../../../../shared/product-dto';

export const MAPPED_FIELDS = [
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Name' },
  { key: 'parent', label: 'Parent SKU' },
  { key: 'channels', label: 'Channels' },
  { key: 'productType', label: 'Product type' },
] as const;

export type MappedField = (typeof MAPPED_FIELDS)[number]['key'];

export interface MappingState {
  /** Header per field; '' for none. */
  fields: Record<MappedField, string>;
  attributes: readonly string[];
}

export function initialMapping(preview: CsvPreview): MappingState {
  const s = preview.suggested;
  const known = (header: string | null | undefined): string =>
    header != null && preview.headers.includes(header) ? header : '';
  return {
    fields: {
      sku: known(s.sku),
      name: known(s.name),
      parent: known(s.parent),
      channels: known(s.channels),
      productType: known(s.productType),
    },
    attributes: (s.attributes ?? []).filter((a) => preview.headers.includes(a)),
  };
}

/** Sets a field's column; that column stops being an attribute. */
export function setField(state: MappingState, field: MappedField, header: string): MappingState {
  return {
    fields: { ...state.fields, [field]: header },
    attributes: state.attributes.filter((a) => a !== header),
  };
}

export function toggleAttribute(state: MappingState, header: string): MappingState {
  return state.attributes.includes(header)
    ? { ...state, attributes: state.attributes.filter((a) => a !== header) }
    : { ...state, attributes: [...state.attributes, header] };
}

/** Headers that no field uses: the candidates for attributes. */
export function attributeCandidates(headers: readonly string[], state: MappingState): string[] {
  const used = new Set(Object.values(state.fields).filter((h) => h !== ''));
  return headers.filter((h) => !used.has(h));
}

/** The contract's ColumnMap, or null while no SKU column is chosen. */
export function toColumnMap(state: MappingState): ColumnMap | null {
  const { sku, name, parent, channels, productType } = state.fields;
  if (sku === '') return null;
  const orNull = (h: string): string | null => (h === '' ? null : h);
  return {
    sku,
    name: orNull(name),
    parent: orNull(parent),
    channels: orNull(channels),
    productType: orNull(productType),
    attributes: [...state.attributes],
  };
}
