// Loupe previews are rendered on demand: ask for the one shown, then for its neighbours
// (only for kinds that have one: never a video, document or model).
import { useEffect } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { assetAt } from '../../store/asset-pages';
import type { PreviewStatus } from '../../store/previews-store';
import { useAssets } from '../../store-hooks';
import { asksPreview } from './loupe-kinds';

/** Asks for this preview, then for the neighbours', so stepping through feels instant. */
export function usePreviewsAround(
  asset: Asset,
  index: number | null,
  preview: PreviewStatus | undefined,
): void {
  const { stores } = useServices();
  const own = asksPreview(asset);
  const settled = !own || (preview !== undefined && preview.status !== 'loading');
  const { id, hash } = asset;
  useEffect(() => {
    if (own) stores.previews.getState().ensure(id, hash);
  }, [stores, id, hash, own]);

  const next = useAssets((s) => (index !== null ? assetAt(s.pages, index + 1) : undefined));
  const previous = useAssets((s) =>
    index !== null && index > 0 ? assetAt(s.pages, index - 1) : undefined,
  );
  useEffect(() => {
    if (!settled) return;
    // Runs again when a page is refetched; ensure() knows what it has asked already.
    for (const neighbour of [next, previous]) {
      if (neighbour !== undefined && neighbour.state !== 'error' && asksPreview(neighbour))
        stores.previews.getState().ensure(neighbour.id, neighbour.hash);
    }
  }, [settled, next, previous, stores]);
}
