// The words a front end shows beside a product's media: alt text and the credit line. One
// rule for the API, the static headless pack and anything else that publishes media.
import type { MediaRole } from './product-dto';
import type { Licence } from './rights-dto';

const ROLE_WORDS: Record<MediaRole, string> = {
  main: 'main image',
  gallery: 'image',
  detail: 'detail',
  lifestyle: 'in use',
  swatch: 'colour swatch',
  spin: '360° view',
  video: 'video',
  document: 'manual',
  model: '3D model',
};

/**
 * The asset's own description (XMP dc:description, what DAMs use as alt text), else its
 * title, else "<product name>, <role> <n>" so no image goes out without words.
 */
export function altText(
  asset: { description?: string | null; title?: string | null },
  productName: string | null,
  sku: string,
  role: MediaRole,
  position: number,
): string {
  const own = (asset.description ?? '').trim() || (asset.title ?? '').trim();
  if (own) return own.slice(0, 500);
  const what = ROLE_WORDS[role];
  return `${(productName ?? '').trim() || sku}, ${what}${position > 0 ? ` ${position + 1}` : ''}`;
}

/** The credit lines of the asset's licences that carry one, required ones first, joined. */
export function creditLine(licences: readonly Licence[]): string | null {
  const lines = [...licences]
    .filter((l) => (l.creditLine ?? '').trim() !== '')
    .sort((a, b) => Number(b.creditRequired) - Number(a.creditRequired))
    .map((l) => (l.creditLine ?? '').trim());
  return lines.length > 0 ? [...new Set(lines)].join('; ') : null;
}

/** The earliest end date among the licences ('YYYY-MM-DD'), null when none ends. */
export function licenceEnd(licences: readonly Licence[]): string | null {
  const ends = licences.map((l) => l.endsOn).filter((d): d is string => d !== null);
  return ends.length > 0 ? ends.sort()[0]! : null;
}
