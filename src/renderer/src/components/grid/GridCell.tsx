// One cell: the thumbnail (or a placeholder), the file name, or an error badge + reason;
// tags for missing, offline, copies and versions.
import { memo, type DragEvent } from 'react';
import type { Asset } from '../../../../shared/dto';
import { CullingBadges } from '../culling/CullingBadges';
import { CellBadges } from './CellBadges';
import { CellImage } from './CellImage';
import { selectMode, type SelectMode } from './select-mode';
import { DurationBadge, VideoScrub } from './VideoCellExtras';

interface GridCellProps {
  index: number;
  /** undefined while its page is loading. */
  asset: Asset | undefined;
  selected: boolean;
  /** The frame the preview and arrows follow. */
  focused: boolean;
  thumbUrl: string | null;
  /** Its thumbnail waits for the scroll to stop (the placeholder shows; the cell is busy). */
  held?: boolean;
  /** A video's scrub strip, when it has a poster to scrub over. */
  stripUrl?: string | null;
  onSelect: (index: number, id: number | null, mode: SelectMode) => void;
  /** Double-click: open the loupe on this cell. */
  onOpen: (index: number, id: number | null) => void;
  /** Dragging the cell (onto a product): sets what the drag carries. */
  onDragStart: (event: DragEvent<HTMLDivElement>, id: number) => void;
}

export const cellDomId = (index: number): string => `grid-cell-${index}`;

export const GridCell = memo(function GridCell({
  index,
  asset,
  selected,
  focused,
  thumbUrl,
  held = false,
  stripUrl = null,
  onSelect,
  onOpen,
  onDragStart,
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
        onClick={(event) => onSelect(index, null, selectMode(event))}
        onDoubleClick={() => onOpen(index, null)}
      >
        <div className="cell-thumb" />
        <div className="cell-caption" />
      </div>
    );
  }
  const failed = asset.state === 'error';
  const reason = asset.error ?? 'This file could not be read.';
  const classes = [
    'grid-cell',
    selected && 'is-selected',
    focused && 'is-focus',
    asset.flag === 'reject' && 'is-rejected',
    failed && 'has-error',
    asset.state === 'missing' && 'is-missing',
    asset.state === 'offline' && 'is-offline',
  ].filter((c) => c !== false);
  return (
    <div
      role="gridcell"
      id={cellDomId(index)}
      className={classes.join(' ')}
      data-testid="grid-cell"
      data-asset-id={asset.id}
      data-name={asset.name}
      data-state={asset.state}
      data-thumb={asset.thumb}
      aria-selected={selected}
      aria-busy={held || undefined}
      aria-label={failed ? `${asset.name}: ${reason}` : asset.name}
      title={cellTitle(asset, failed ? reason : null)}
      data-rating={asset.rating}
      data-flag={asset.flag}
      data-label={asset.label ?? ''}
      draggable
      onClick={(event) => onSelect(index, asset.id, selectMode(event))}
      onDoubleClick={() => onOpen(index, asset.id)}
      onDragStart={(event) => onDragStart(event, asset.id)}
    >
      <div className="cell-thumb">
        <CellImage asset={asset} thumbUrl={thumbUrl} />
        {stripUrl !== null && thumbUrl !== null && (
          <VideoScrub key={stripUrl} stripUrl={stripUrl} />
        )}
        {asset.durationMs !== undefined && <DurationBadge ms={asset.durationMs} />}
        <CellBadges asset={asset} />
        <CullingBadges asset={asset} />
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

function cellTitle(asset: Asset, reason: string | null): string {
  if (reason !== null) return `${asset.name}\n${reason}`;
  return asset.notice !== null ? `${asset.relPath}\n${asset.notice}` : asset.relPath;
}
