// The selected asset, live from the page cache; fetched on its own only when its page has
// been dropped (the user scrolled far away from it).
import { useEffect, useState } from 'react';
import type { Asset } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { useServices } from '../app-context';
import { assetAt, locateAsset } from '../store/asset-pages';
import { useAssets, useSelection } from '../store-hooks';

export function useSelectedAsset(): Asset | undefined {
  const { client, stores } = useServices();
  const id = useSelection((s) => s.id);
  const index = useSelection((s) => s.index);
  const pages = useAssets((s) => s.pages);
  const cached =
    id !== null
      ? locateAsset(pages, id, index)?.asset
      : index !== null
        ? assetAt(pages, index)
        : undefined;
  const [fetched, setFetched] = useState<Asset | undefined>(undefined);
  const missing = cached === undefined && id !== null;

  useEffect(() => {
    if (!missing || id === null) return undefined;
    let current = true;
    client.call('assets.get', { id }).then(
      (asset) => {
        if (current) setFetched(asset);
      },
      (cause: unknown) => {
        if (!current) return;
        // Gone from the catalog since it was selected: nothing left to preview.
        if (cause instanceof PackshotError && cause.code === 'not_found')
          stores.selection.getState().clear();
        else stores.notices.getState().report('Could not load the selected file', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [missing, id, client, stores]);

  return cached ?? (fetched !== undefined && fetched.id === id ? fetched : undefined);
}
