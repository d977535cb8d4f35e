// The asset in view, large: its loupe preview once the engine has it, the thumbnail (or
// the placeholder) meanwhile.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app-context';
import { placeholderUrl } from '../../media/placeholder-url';
import { previewKey } from '../../store/previews-store';
import type { ReviewStore } from '../../store/review-store';
import { usePreviews } from '../../store-hooks';

export function ReviewStage({ review }: { review: ReviewStore }) {
  const { client, stores } = useServices();
  const asset = useStore(review, (s) => s.items[s.index]);
  const preview = usePreviews((s) =>
    asset === undefined ? undefined : s.entries.get(previewKey(asset.id, asset.hash)),
  );
  useEffect(() => {
    if (asset !== undefined) stores.previews.getState().ensure(asset.id, asset.hash);
  }, [asset, stores]);
  if (asset === undefined) return <div className="review-stage" />;
  const thumb = asset.thumb === 'ready' && asset.hash !== null ? client.thumbUrl(asset.hash) : null;
  const src =
    preview?.status === 'ready'
      ? client.previewUrl(preview.hash)
      : (thumb ?? placeholderUrl(asset.placeholder));
  return (
    <div className="review-stage" data-testid="review-stage">
      {src !== null && <img src={src} alt={asset.name} draggable={false} />}
    </div>
  );
}
