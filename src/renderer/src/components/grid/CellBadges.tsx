// Small labels on a cell for what the thumbnail cannot show: the file is missing or
// offline, is a copy of another asset, has had several versions, or breaks its catalog's
// naming convention; its kind when it is not a photo; a 360° spin's frame count; its rights
// and approval (RightsBadges).
import type { Asset, AssetKind } from '../../../../shared/dto';
import { formatFileKind } from '../../format/media';
import { RightsBadges, rightsMarks } from './RightsBadges';

export function CellBadges({ asset }: { asset: Asset }) {
  const kind = KIND_BADGES[asset.kind];
  const badges = [
    asset.spin !== undefined && (
      <span
        key="spin"
        className={`cell-tag is-spin${asset.spin.warning ? ' is-warning' : ''}`}
        data-testid="cell-badge-spin"
        title={`360° spin ${asset.spin.name}: ${asset.spin.frames} frames${asset.spin.warning ? ` — ${asset.spin.warning}` : ''}`}
      >
        360° · {asset.spin.frames}
        {asset.spin.warning ? ' !' : ''}
      </span>
    ),
    kind !== undefined && (
      <span
        key="kind"
        className="cell-tag is-kind"
        data-testid="cell-badge-kind"
        title={`${kind.title} (find them all with kind:${asset.kind})`}
      >
        {kind.label(asset)}
      </span>
    ),
    asset.state === 'missing' && (
      <span
        key="missing"
        className="cell-tag is-missing"
        data-testid="cell-badge-missing"
        title="The file is gone from disk; Packshot keeps it with everything attached to it."
      >
        Missing
      </span>
    ),
    asset.state === 'offline' && (
      <span
        key="offline"
        className="cell-tag is-offline"
        data-testid="cell-badge-offline"
        title="Its drive or folder cannot be reached right now."
      >
        Offline
      </span>
    ),
    asset.duplicateOf !== null && (
      <span
        key="duplicate"
        className="cell-tag"
        data-testid="cell-badge-duplicate"
        title={`Same content as asset #${asset.duplicateOf}`}
      >
        Copy of #{asset.duplicateOf}
      </span>
    ),
    asset.versions > 1 && (
      <span
        key="versions"
        className="cell-tag"
        data-testid="cell-badge-versions"
        title={`${asset.versions} versions of this file`}
      >
        v{asset.versions}
      </span>
    ),
    Boolean(asset.violation) && (
      <span
        key="naming"
        className="cell-tag is-violation"
        data-testid="cell-badge-naming"
        title={`${asset.violation ?? ''} (find them all with naming:bad)`}
      >
        Name
      </span>
    ),
  ].filter((badge) => badge !== false);
  if (badges.length === 0 && !rightsMarks(asset).any) return null;
  return (
    <div className="cell-tags">
      {badges}
      <RightsBadges asset={asset} />
    </div>
  );
}

/**
 * The kinds that get a badge, with its label. A video's badge (its play time) and a spin's
 * (its frame count) are their own components': a kind is one more entry here.
 */
const KIND_BADGES: Partial<Record<AssetKind, { title: string; label: (a: Asset) => string }>> = {
  document: { title: 'A document', label: (a) => formatFileKind(a.format, a.name) },
  model: { title: 'A 3D model', label: () => '3D' },
};
