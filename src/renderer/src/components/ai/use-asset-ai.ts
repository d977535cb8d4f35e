// What the models found in one asset (analyses.get), read when the asset is shown and again
// when it can have changed: new content, analyses.changed naming it (or naming none: any),
// the threshold moved (the AI store's generation), tags changed (an accept undone), products
// changed (a link accepted or undone). The last answer stays on screen while a newer one
// loads.
import { useCallback, useEffect, useState } from 'react';
import type { AssetAi } from '../../../../shared/ai-dto';
import type { Asset } from '../../../../shared/dto';
import { PackshotError } from '../../../../shared/errors';
import { useServices } from '../../app-context';
import { useAi } from '../../store-hooks';

export interface AssetAiRead {
  ai: AssetAi | null;
  reload: () => void;
  /** Shows a decision at once, before the engine's answer is read again. */
  patch: (change: (ai: AssetAi) => AssetAi) => void;
}

export function useAssetAi(asset: Asset): AssetAiRead {
  const { client, stores } = useServices();
  const [ai, setAi] = useState<AssetAi | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const generation = useAi((s) => s.generation);
  const { id, hash } = asset;

  useEffect(() => {
    const stops = [
      client.on('analyses.changed', ({ assetIds }) => {
        if (assetIds.length === 0 || assetIds.includes(id)) reload();
      }),
      client.on('tags.changed', reload),
      client.on('products.changed', reload),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [client, reload, id]);

  useEffect(() => {
    let current = true;
    client.call('analyses.get', { assetId: id }).then(
      (answer) => {
        if (current) setAi(answer);
      },
      (cause: unknown) => {
        if (!current) return;
        if (cause instanceof PackshotError && cause.code === 'not_found') return;
        stores.notices.getState().report('Could not read what the AI found', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [id, hash, generation, round, client, stores]);

  const patch = useCallback((change: (ai: AssetAi) => AssetAi) => {
    setAi((shown) => (shown === null ? null : change(shown)));
  }, []);
  return { ai: ai !== null && ai.assetId === id ? ai : null, reload, patch };
}
