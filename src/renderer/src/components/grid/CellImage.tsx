// What a cell shows where the picture goes: the thumbnail, its ThumbHash placeholder while
// the thumbnail is pending or loading, or a label saying why there is no picture. A
// placeholder not decoded yet (a jump mounts dozens of cells; decodes wait for a later
// frame's budget) shows its average colour, read from the hash's header, until it is.
import { useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { formatFileKind } from '../../format/media';
import { useBudgetedPlaceholder } from '../../media/placeholder-budget';
import { placeholderAverage } from '../../media/placeholder-url';

/** The decoded picture, else the average colour; either may be absent. */
interface Placeholder {
  url: string | null;
  average: string | null;
}

export function CellImage({ asset, thumbUrl }: { asset: Asset; thumbUrl: string | null }) {
  const failed = asset.state === 'error';
  const url = useBudgetedPlaceholder(failed ? null : asset.placeholder);
  const painted: Placeholder = {
    url,
    average: url === null && !failed ? placeholderAverage(asset.placeholder) : null,
  };
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

function Pending({ placeholder }: { placeholder: Placeholder }) {
  if (placeholder.url === null && placeholder.average === null)
    return <span className="cell-placeholder is-pending" />;
  return <PlaceholderImage placeholder={placeholder} />;
}

function PlaceholderImage({ placeholder }: { placeholder: Placeholder }) {
  if (placeholder.url === null) {
    // Set through the CSSOM (React's style prop), which the CSP allows.
    return (
      <span
        className="cell-placeholder-average"
        data-testid="cell-placeholder-average"
        style={{ backgroundColor: placeholder.average ?? undefined }}
      />
    );
  }
  return (
    <img
      className="cell-placeholder-image"
      data-testid="cell-placeholder"
      src={placeholder.url}
      alt=""
      draggable={false}
    />
  );
}

function Thumbnail({ src, placeholder }: { src: string; placeholder: Placeholder }) {
  const [loaded, setLoaded] = useState(false);
  const shown = placeholder.url !== null || placeholder.average !== null;
  return (
    <>
      {!loaded && shown && <PlaceholderImage placeholder={placeholder} />}
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
