// The asset strip's list: a search over every catalog (the app's search language), by
// default only media not linked to any product yet. Asked again when the search changes
// (after a pause in typing) and when assets or links change.
import { useEffect, useState } from 'react';
import type { Asset } from '../../../../../shared/dto';
import { useServices } from '../../../app-context';

export const STRIP_LIMIT = 200;
const TYPING_PAUSE_MS = 200;

export interface AssetSearch {
  items: readonly Asset[];
  total: number | null;
}

export function useAssetSearch(query: string, unlinkedOnly: boolean): AssetSearch {
  const { client, stores } = useServices();
  const [result, setResult] = useState<AssetSearch>({ items: [], total: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const stops = [client.on('assets.changed', bump), client.on('products.changed', bump)];
    return () => stops.forEach((stop) => stop());
  }, [client]);

  useEffect(() => {
    let current = true;
    const trimmed = query.trim();
    // Typing waits for a pause; an empty search (opening the view, clearing it) does not.
    const delay = trimmed === '' ? 0 : TYPING_PAUSE_MS;
    const timer = setTimeout(() => {
      client
        .call('assets.list', {
          limit: STRIP_LIMIT,
          ...(trimmed !== '' ? { query: trimmed } : {}),
          ...(unlinkedOnly ? { filter: 'unlinked' as const } : {}),
        })
        .then(
          (page) => {
            if (current) setResult({ items: page.items, total: page.total });
          },
          (cause: unknown) => {
            if (current) stores.notices.getState().report('Could not search the media', cause);
          },
        );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, stores, query, unlinkedOnly, version]);

  return result;
}
