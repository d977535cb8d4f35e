// Everything the engine knows about one asset (metadata, version history), fetched when the
// asset is shown and again when it changes (read, new content, tagged: the grid's rows carry
// no keywords, so the preview's come from here). The last answer stays on
// screen while a newer one loads, so the panel does not flicker during a scan.
import { useEffect, useState } from 'react';
import type { Asset, AssetDetail } from '../../../../shared/dto';
import { PackshotError } from '../../../../shared/errors';
import { useServices } from '../../app-context';

export function useAssetDetail(asset: Asset): AssetDetail | null {
  const { client, stores } = useServices();
  const [detail, setDetail] = useState<AssetDetail | null>(null);
  const { id } = asset;
  // What can change the answer: being read, new content, going missing or offline.
  const version = `${asset.hash ?? ''}:${asset.state}:${asset.versions}:${asset.thumb}`;
  const [tagged, setTagged] = useState(0);
  useEffect(() => client.on('tags.changed', () => setTagged((n) => n + 1)), [client]);

  useEffect(() => {
    let current = true;
    client.call('assets.get', { id }).then(
      (answer) => {
        if (current) setDetail(answer);
      },
      (cause: unknown) => {
        if (!current) return;
        // Removed meanwhile: the list will drop it too; nothing to tell.
        if (cause instanceof PackshotError && cause.code === 'not_found') return;
        stores.notices.getState().report('Could not load the file’s details', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [id, version, tagged, client, stores]);

  return detail !== null && detail.id === id ? detail : null;
}
