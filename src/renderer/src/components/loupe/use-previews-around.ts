// Loupe previews are rendered on demand: ask for the one shown, then for its neighbours.
import { useEffect } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { assetAt } from '../../store/asset-pages';
import type { PreviewStatus } from '../../store/previews-store';
import { useAssets } from '../../store-hooks';

/** Asks for this preview, then for the neighbours', so stepping through feels instant. */
export function usePreviewsAround(
  asset: Asset,
  index: number | null,
  preview: PreviewStatus | undefined,
): void {
  const { stores } = useServices();
  const settled = preview !== undefined && preview.status !== 'loading';
  const { id, hash } = asset;
  useEffect(() => {
    stores.previews.getState().ensure(id, hash);
  }, [stores, id, hash]);

  const next = useAssets((s) => (index !== null ? assetAt(s.pages, index + 1) : undefined));
  const previous = useAssets((s) =>
    index !== null && index > 0 ? assetAt(s.pages, index - 1) : undefined,
  );
  useEffect(() => {
    if (!settled) return;
    // Runs again when a page is refetched; ensure() knows what it has asked already.
    for (const neighbour of [next, previous]) {
      if (neighbour !== undefined && neighbour.state !== 'error')
        stores.previews.getState().ensure(neighbour.id, neighbour.hash);
    }
  }, [settled, next, previous, stores]);
}
