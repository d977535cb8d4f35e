// The product form's text fields to and from the contract's shapes: attributes as one
// "name: value" per line, channels as a list separated by commas, semicolons or spaces.
import type { Product } from '../../../../shared/product-dto';

export interface ProductFormValues {
  sku: string;
  name: string;
  parentSku: string;
  productType: string;
  channels: string;
  attributes: string;
}

export const EMPTY_FORM: ProductFormValues = {
  sku: '',
  name: '',
  parentSku: '',
  productType: '',
  channels: '',
  attributes: '',
};

export function formValuesOf(product: Product): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    parentSku: product.parentSku ?? '',
    productType: product.productType ?? '',
    channels: product.channels.join(', '),
    attributes: Object.entries(product.attributes)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n'),
  };
}

export function parseChannels(text: string): string[] {
  return [...new Set(text.split(/[\s,;|]+/).filter((c) => c !== ''))];
}

export type ParsedAttributes =
  { ok: true; attributes: Record<string, string> } | { ok: false; error: string };

/** One "name: value" per line; blank lines are skipped; a line without a name is an error. */
export function parseAttributes(text: string): ParsedAttributes {
  // A Map, then own properties: `attributes[key] =` on {} with the name __proto__ would set
  // the object's prototype and the attribute would be lost.
  const attributes = new Map<string, string>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? '' : line.slice(0, colon).trim();
    if (key === '') {
      return { ok: false, error: `Attribute line ${index + 1}: write it as "name: value".` };
    }
    attributes.set(key, line.slice(colon + 1).trim());
  }
  return { ok: true, attributes: Object.fromEntries(attributes) };
}

/** The create/update arguments from the form, or why they cannot be made. */
export function productArgs(values: ProductFormValues):
  | {
      ok: true;
      args: {
        sku: string;
        name: string;
        parentSku: string | null;
        productType: string | null;
        channels: string[];
        attributes: Record<string, string>;
      };
    }
  | { ok: false; error: string } {
  const sku = values.sku.trim();
  if (sku === '') return { ok: false, error: 'A product needs a SKU.' };
  const parsed = parseAttributes(values.attributes);
  if (!parsed.ok) return parsed;
  const parentSku = values.parentSku.trim();
  const productType = values.productType.trim();
  return {
    ok: true,
    args: {
      sku,
      name: values.name.trim(),
      parentSku: parentSku === '' ? null : parentSku,
      productType: productType === '' ? null : productType,
      channels: parseChannels(values.channels),
      attributes: parsed.attributes,
    },
  };
}
