// Names in a static headless pack. A media file is `media/<key>-<width>.<ext>` (a photo's
// rendition, a poster) or `media/<key>.<ext>` (a video, model or manual), where <key> is the
// first 16 hex digits of its render key: a hash of the source's content hash and every option
// that shapes the output. New bytes need a new source or new options, so a new name: a name
// is never reused for other bytes and a CDN may cache it for ever. The key is known before
// rendering, so a re-export finds every file by name and renders nothing.
import { createHash } from 'node:crypto';
import { sanitizeSegment } from '../../../../shared/naming/sanitize-name';
import { EXTENSIONS } from '../../tools/render/render-rendition';
import { plannedSize } from '../../tools/render/planned-size';
import { displaySize } from '../pack-source';
import type { PlannedFile } from '../pack/plan-pack';

export const MEDIA_DIR = 'media';
export const PRODUCTS_DIR = 'products';
export const INDEX_FILE = 'index.json';
export const HEADERS_FILE = '_headers';

/**
 * Gives every file of a headless preset its content-named path. A rendition that would come
 * out the same size as a smaller one of its format (a small source is never scaled up) is
 * dropped: srcset needs one file per width. Two products linking one asset share its files.
 * Returns the files to write (one per name) and every file as each product refers to it.
 */
export function nameHeadlessFiles(all: readonly PlannedFile[]): {
  files: PlannedFile[];
  refs: PlannedFile[];
} {
  const files: PlannedFile[] = [];
  const refs: PlannedFile[] = [];
  const sizes = new Set<string>();
  const named = new Set<string>();
  for (const f of all) {
    if (!f.preset.headless) {
      files.push(f);
      continue;
    }
    const width = widthOf(f);
    if (!f.video && !f.model && !f.document && !f.spin && width !== null) {
      const same = `${f.preset.id}:${f.product.id}:${f.image.assetId}:${f.options.format}:${width}`;
      if (sizes.has(same)) continue;
      sizes.add(same);
    }
    const key = f.renderKey?.slice(0, 16) ?? `unhashed-${f.image.assetId}`;
    const ext = f.model
      ? f.model.format
      : f.video || f.document
        ? extOf(f.path)
        : EXTENSIONS[f.options.format];
    const sized = (!f.video && !f.model && !f.document) || f.video?.part === 'poster';
    f.path = `${MEDIA_DIR}/${key}${sized && width !== null ? `-${width}` : ''}.${ext}`;
    refs.push(f);
    if (named.has(f.path)) continue; // the same bytes, already planned for another product
    named.add(f.path);
    files.push(f);
  }
  return { files, refs };
}

/** The width the file will have: a poster's frame, else the rendition's planned size. */
function widthOf(f: PlannedFile): number | null {
  if (f.video) return f.video.width;
  const size = displaySize(f.image);
  return size ? plannedSize(size, f.options).width : f.rendition.width;
}

function extOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : 'bin';
}

/**
 * `products/<name>.json` for each SKU. The name is the SKU when it is a safe file name as it
 * is (case-insensitively unique among these SKUs); otherwise the sanitised SKU plus 8 hex
 * digits of its hash, so `../x`, `CON` or an emoji get a safe ASCII name that no other SKU takes.
 * The SKU itself is kept exactly inside the JSON.
 */
export function productFiles(skus: readonly string[]): Map<string, string> {
  const safe = (sku: string): string => sanitizeSegment(sku, 120).replace(/[^A-Za-z0-9._-]/g, '_');
  const asIs = (sku: string): boolean => safe(sku) === sku && /^[A-Za-z0-9]/.test(sku);
  // SKUs that differ only in case would share a file on Windows and macOS: both hashed.
  const twins = new Map<string, number>();
  for (const sku of skus.filter(asIs))
    twins.set(sku.toLowerCase(), (twins.get(sku.toLowerCase()) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const sku of skus) {
    const plain = asIs(sku) && twins.get(sku.toLowerCase()) === 1;
    const hash = createHash('sha256').update(sku).digest('hex').slice(0, 8);
    const name = plain ? sku : `${safe(sku).replace(/^\.+/, '')}-${hash}`;
    out.set(sku, `${PRODUCTS_DIR}/${name}.json`);
  }
  return out;
}
