// One cell: the thumbnail (or a placeholder), the file name, or an error badge + reason.
import { memo } from 'react';
import type { Asset } from '../../../../shared/dto';
import { formatFileKind } from '../../format/media';

interface GridCellProps {
  index: number;
  /** undefined while its page is loading. */
  asset: Asset | undefined;
  selected: boolean;
  thumbUrl: string | null;
  onSelect: (index: number, id: number | null) => void;
}

export const cellDomId = (index: number): string => `grid-cell-${index}`;

export const GridCell = memo(function GridCell({
  index,
  asset,
  selected,
  thumbUrl,
  onSelect,
}: GridCellProps) {
  if (asset === undefined) {
    return (
      <div
        role="gridcell"
        id={cellDomId(index)}
        className="grid-cell is-loading"
        data-testid="grid-cell-loading"
        aria-selected={selected}
        aria-busy="true"
        onClick={() => onSelect(index, null)}
      >
        <div className="cell-thumb" />
        <div className="cell-caption" />
      </div>
    );
  }
  const failed = asset.state === 'error';
  const reason = asset.error ?? 'This file could not be read.';
  return (
    <div
      role="gridcell"
      id={cellDomId(index)}
      className={`grid-cell${selected ? ' is-selected' : ''}${failed ? ' has-error' : ''}`}
      data-testid="grid-cell"
      data-asset-id={asset.id}
      data-state={asset.state}
      data-thumb={asset.thumb}
      aria-selected={selected}
      aria-label={failed ? `${asset.name}: ${reason}` : asset.name}
      title={failed ? `${asset.name}\n${reason}` : asset.relPath}
      onClick={() => onSelect(index, asset.id)}
    >
      <div className="cell-thumb">
        <CellImage asset={asset} thumbUrl={thumbUrl} />
        {failed && (
          <span className="cell-badge" aria-hidden="true">
            !
          </span>
        )}
      </div>
      <div className="cell-caption">
        {failed ? (
          <span className="cell-error" data-testid="cell-error" title={reason}>
            {reason}
          </span>
        ) : (
          <span className="cell-name">{asset.name}</span>
        )}
      </div>
    </div>
  );
});

function CellImage({ asset, thumbUrl }: { asset: Asset; thumbUrl: string | null }) {
  // The caption holds the reason; the name goes where the picture would be.
  if (asset.state === 'error')
    return <span className="cell-placeholder is-failed">{asset.name}</span>;
  if (thumbUrl !== null) {
    return <img src={thumbUrl} alt="" loading="lazy" decoding="async" draggable={false} />;
  }
  switch (asset.thumb) {
    case 'pending':
    case 'ready': // ready without a hash: wait for the hash like a pending one
      return <span className="cell-placeholder is-pending" />;
    case 'error':
      return <span className="cell-placeholder is-failed">No preview</span>;
    case 'none':
      // Not read yet: it may still turn out to have a picture.
      if (asset.state === 'pending') return <span className="cell-placeholder is-pending" />;
      return <span className="cell-placeholder">{formatFileKind(asset.format, asset.name)}</span>;
  }
}
