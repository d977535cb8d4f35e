// One manifest line for a landed file, whatever its kind: a photo rendition, a model, a
// video or its poster, a manual. The kind's own fields come in `fields`.
import type { PackEntry } from './manifest';
import type { PlannedFile } from './plan-pack';

/** The manifest line's fields of a file's kind. */
export type KindFields = Pick<
  PackEntry,
  'width' | 'height' | 'kind' | 'durationMs' | 'codec' | 'audioCodec' | 'pages' | 'triangles'
>;

export function packEntry(
  f: PlannedFile,
  fields: KindFields,
  sha256: string,
  sourceHash: string,
  landed: { size: number; mtimeMs: number; ino: number },
  warnings: readonly string[] = f.findings,
): PackEntry {
  return {
    file: f.path,
    productId: f.product.id,
    sku: f.product.sku,
    channel: f.preset.channel,
    presetId: f.preset.id,
    presetVersion: f.preset.version,
    role: f.image.role,
    position: f.position,
    key: f.rendition.key,
    ...fields,
    bytes: landed.size,
    sha256,
    sourceAssetId: f.image.assetId,
    sourceHash,
    // The key names the source as indexed; a file changed since is flagged.
    renderKey: f.renderKey ?? '',
    warnings:
      sourceHash === f.image.hash
        ? [...warnings]
        : [...warnings, 'source: changed on disk since it was indexed (rescan)'],
    mtimeMs: landed.mtimeMs,
    ino: landed.ino,
  };
}
