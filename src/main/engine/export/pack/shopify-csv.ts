// A CSV in the shape of Shopify's product-image import: Handle, Image Src, Image Position,
// Image Alt Text. One per preset, from the pack's manifest.
import type { ManifestFile } from '../../../../shared/export-dto';

/** The header line: also how a CSV from before outputs were recorded is known as Packshot's. */
export const CSV_HEADER = 'Handle,Image Src,Image Position,Image Alt Text';

export function shopifyCsv(
  files: readonly ManifestFile[],
  names: ReadonlyMap<number, string>,
  baseUrl: string,
): string {
  // One row per image: the first rendition of each (srcset widths are not product images).
  const firstKey = new Map<number, string>();
  // Images only: videos, posters, manuals and 3D models go to the channel another way
  // (uploaded as media or files on their own).
  const rows = files
    .filter((f) => f.kind === undefined && f.triangles === undefined)
    .sort((a, b) =>
      a.sku.toLowerCase() < b.sku.toLowerCase()
        ? -1
        : a.sku === b.sku
          ? a.position - b.position || (a.key < b.key ? -1 : 1)
          : 1,
    )
    .filter((f) => {
      const key = firstKey.get(f.productId * 100_000 + f.position);
      if (key === undefined) firstKey.set(f.productId * 100_000 + f.position, f.key);
      return key === undefined || key === f.key;
    });
  const lines = [CSV_HEADER.split(',')];
  for (const f of rows) {
    const name = names.get(f.productId) ?? f.sku;
    lines.push([
      handleOf(f.sku),
      urlOf(baseUrl, f.file),
      String(f.position),
      `${name} (${f.role})`,
    ]);
  }
  return `${lines.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Shopify's handle: lower-case, runs of anything else become one dash. */
export function handleOf(sku: string): string {
  return (
    sku
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'product'
  );
}

function urlOf(base: string, file: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  if (!base) return path;
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/** Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
