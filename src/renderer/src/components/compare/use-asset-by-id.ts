// An asset by id: live from the page cache when loaded there, else fetched once.
import { useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { locateAsset } from '../../store/asset-pages';
import { useAssets } from '../../store-hooks';

export function useAssetById(id: number): Asset | undefined {
  const { client, stores } = useServices();
  const cached = useAssets((s) => locateAsset(s.pages, id, null)?.asset);
  const [fetched, setFetched] = useState<Asset | undefined>(undefined);
  const missing = cached === undefined;
  useEffect(() => {
    if (!missing) return undefined;
    let current = true;
    client.call('assets.get', { id }).then(
      (asset) => {
        if (current) setFetched(asset);
      },
      (cause: unknown) => stores.notices.getState().report('Could not load a frame', cause),
    );
    return () => {
      current = false;
    };
  }, [missing, id, client, stores]);
  return cached ?? (fetched?.id === id ? fetched : undefined);
}
