// One version in the preview panel: its thumbnail, number, date, size, dimensions and hash,
// how its bytes are kept (which says whether it can be restored), and its actions. Restore
// asks first: it writes over the file (as a new version; nothing is lost).
import { useState } from 'react';
import type { VersionEntry, VersionKept } from '../../../../shared/version-dto';
import { useServices } from '../../app-context';
import { formatBytes, formatExactBytes } from '../../format/bytes';
import { formatInstant } from '../../format/date';
import { formatDimensions } from '../../format/media';

const KEPT: Record<'store' | 'clone' | 'none', { label: string; title: string }> = {
  store: {
    label: 'Kept in the version store',
    title: 'A full copy of these bytes is in the data folder: it can be restored.',
  },
  clone: {
    label: 'Kept as a reflink clone',
    title:
      'A copy-on-write clone taken when the file was read (free on APFS, Btrfs, XFS): it can be restored.',
  },
  none: {
    label: 'Not kept',
    title:
      'It was overwritten outside Packshot on a volume that cannot clone files: it cannot be restored. Replace files through Packshot to keep their old bytes.',
  },
};

export function keptInfo(kept: VersionKept): { label: string; title: string } {
  return KEPT[kept ?? 'none'];
}

export function VersionRow({
  version,
  next,
  busy,
  onRestore,
  onCompare,
}: {
  version: VersionEntry;
  /** The number a restore would make. */
  next: number;
  busy: boolean;
  onRestore: () => void;
  onCompare: (() => void) | null;
}) {
  const { client } = useServices();
  const [confirming, setConfirming] = useState(false);
  const v = version;
  const kept = keptInfo(v.kept);
  return (
    <li
      className="version"
      data-testid="version"
      data-n={v.n}
      aria-current={v.current ? 'true' : undefined}
      title={v.hash}
    >
      <span className="version-thumb">
        {v.thumbnail && <img src={client.thumbUrl(v.hash)} alt={`Version ${v.n}`} />}
      </span>
      <span className="version-head">
        <span className="version-n">v{v.n}</span>{' '}
        <span className="version-date">{formatInstant(v.recordedAt)}</span>
        {v.current && <span className="version-badge is-current"> Current</span>}
      </span>
      <span className="version-bytes" title={formatExactBytes(v.bytes)}>
        {formatBytes(v.bytes)}
      </span>
      <span className="version-size">
        {v.width !== null && v.height !== null ? formatDimensions(v.width, v.height) : ''}{' '}
        <code className="version-hash">{v.hash.slice(0, 12)}</code>
      </span>
      <span
        className={`version-kept is-${v.kept ?? 'none'}`}
        data-testid="version-kept"
        title={kept.title}
      >
        {kept.label}
      </span>
      <span className="version-actions">
        {onCompare !== null && (
          <button type="button" data-testid="version-compare" onClick={onCompare}>
            Compare with current
          </button>
        )}
        {!v.current && v.restorable && !confirming && (
          <button
            type="button"
            data-testid="version-restore"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Restore
          </button>
        )}
      </span>
      {confirming && (
        <span className="version-confirm" role="alertdialog" data-testid="version-confirm">
          Restore v{v.n}? Its bytes are written over the file as v{next}; the current content stays
          in the history.{' '}
          <button
            type="button"
            data-testid="version-confirm-restore"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onRestore();
            }}
          >
            Restore as v{next}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
    </li>
  );
}
