// One frame of the compare view: its large preview (previews.ensure, the thumbnail
// meanwhile), name and culling marks; a click puts it under focus.
import { useEffect } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { placeholderUrl } from '../../media/placeholder-url';
import { previewKey } from '../../store/previews-store';
import { usePreviews } from '../../store-hooks';
import { CullingFacts } from '../culling/CullingFacts';
import { useAssetById } from './use-asset-by-id';

export function CompareFrame({
  id,
  focused,
  onFocus,
}: {
  id: number;
  focused: boolean;
  onFocus: () => void;
}) {
  const asset = useAssetById(id);
  return (
    <figure
      className={`compare-frame${focused ? ' is-focus' : ''}`}
      data-testid="compare-frame"
      data-asset-id={id}
      aria-current={focused}
      onClick={onFocus}
    >
      {asset === undefined ? (
        <span className="spinner" role="status" aria-label="Loading" />
      ) : (
        <FrameContent asset={asset} />
      )}
    </figure>
  );
}

function FrameContent({ asset }: { asset: Asset }) {
  const { client, stores } = useServices();
  const preview = usePreviews((s) => s.entries.get(previewKey(asset.id, asset.hash)));
  useEffect(() => {
    if (asset.kind === 'image') stores.previews.getState().ensure(asset.id, asset.hash);
  }, [asset.id, asset.hash, asset.kind, stores]);
  const thumb = asset.thumb === 'ready' && asset.hash !== null ? client.thumbUrl(asset.hash) : null;
  const src =
    preview?.status === 'ready'
      ? client.previewUrl(preview.hash)
      : (thumb ?? placeholderUrl(asset.placeholder));
  return (
    <>
      <div className="compare-image">
        {src !== null && <img src={src} alt={asset.name} decoding="async" draggable={false} />}
      </div>
      <figcaption>
        <span className="compare-name" title={asset.relPath}>
          {asset.name}
        </span>
        <CullingFacts asset={asset} />
      </figcaption>
    </>
  );
}
