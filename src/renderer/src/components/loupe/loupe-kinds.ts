// Which loupe behaviours an asset's kind has: only still photos are rendered as ~2048 px
// previews (the engine answers "No preview for this kind of file" for the rest) and only
// they zoom to 1:1; a video, PDF, model or spin has its own viewer or its thumbnail.
import type { Asset } from '../../../../shared/dto';

const NO_PREVIEW: ReadonlySet<Asset['kind']> = new Set(['video', 'document', 'model']);

/** Whether the loupe asks previews.ensure for this asset (a video, document or model: no). */
export function asksPreview(asset: Pick<Asset, 'kind'>): boolean {
  return !NO_PREVIEW.has(asset.kind);
}

/** A still photo, not a spin: the one thing Z (or a click) zooms to 1:1. */
export function zoomsToActual(asset: Pick<Asset, 'kind' | 'spin'> | undefined): boolean {
  if (asset === undefined || asset.spin) return false;
  return asset.kind === 'image' || asset.kind === 'raw' || asset.kind === 'vector';
}
