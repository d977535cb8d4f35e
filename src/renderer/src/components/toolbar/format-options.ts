// Which formats the format filter offers: the common ones Packshot reads, plus any other
// seen in the loaded pages, plus those already chosen (so a choice can always be undone).
// Cheap on purpose: no engine call, no full scan of the catalog.
import type { Pages } from '../../store/asset-pages';

/** As Asset.format names them (decoder names for images, extensions for the rest). */
export const COMMON_FORMATS: readonly string[] = [
  'jpeg',
  'png',
  'webp',
  'avif',
  'tiff',
  'gif',
  'svg',
  'heic',
  'cr2',
  'cr3',
  'nef',
  'arw',
  'dng',
  'raf',
  'orf',
  'rw2',
];

export function formatOptions(pages: Pages, selected: readonly string[]): string[] {
  const common = new Set(COMMON_FORMATS);
  const extra = new Set<string>();
  for (const items of pages.values()) {
    for (const asset of items) {
      const format = asset.format?.toLowerCase();
      if (format !== undefined && format !== '' && !common.has(format)) extra.add(format);
    }
  }
  for (const format of selected) if (!common.has(format)) extra.add(format);
  return [...COMMON_FORMATS, ...[...extra].sort()];
}
