// What a cell shows where the picture goes: the thumbnail, its ThumbHash placeholder while
// the thumbnail is pending or loading, or a label saying why there is no picture.
import { useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { formatFileKind } from '../../format/media';
import { useBudgetedPlaceholder } from '../../media/placeholder-budget';

export function CellImage({ asset, thumbUrl }: { asset: Asset; thumbUrl: string | null }) {
  const failed = asset.state === 'error';
  const painted = useBudgetedPlaceholder(failed ? null : asset.placeholder);
  // The caption holds the reason; the name goes where the picture would be.
  if (failed) return <span className="cell-placeholder is-failed">{asset.name}</span>;
  // Keyed by URL: a new thumbnail starts unloaded, over the placeholder again.
  if (thumbUrl !== null) return <Thumbnail key={thumbUrl} src={thumbUrl} placeholder={painted} />;
  switch (asset.thumb) {
    case 'pending':
    case 'ready': // ready without a hash: wait for the hash like a pending one
      return <Pending placeholder={painted} />;
    case 'error':
      return <span className="cell-placeholder is-failed">No preview</span>;
    case 'none':
      // Not read yet: it may still turn out to have a picture.
      if (asset.state === 'pending') return <Pending placeholder={painted} />;
      if (asset.state === 'missing') return <span className="cell-placeholder">Missing</span>;
      return <span className="cell-placeholder">{formatFileKind(asset.format, asset.name)}</span>;
  }
}

function Pending({ placeholder }: { placeholder: string | null }) {
  if (placeholder === null) return <span className="cell-placeholder is-pending" />;
  return <PlaceholderImage src={placeholder} />;
}

function PlaceholderImage({ src }: { src: string }) {
  return (
    <img
      className="cell-placeholder-image"
      data-testid="cell-placeholder"
      src={src}
      alt=""
      draggable={false}
    />
  );
}

function Thumbnail({ src, placeholder }: { src: string; placeholder: string | null }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      {!loaded && placeholder !== null && <PlaceholderImage src={placeholder} />}
      <img
        className="cell-image"
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        draggable={false}
        onLoad={() => setLoaded(true)}
      />
    </>
  );
}
