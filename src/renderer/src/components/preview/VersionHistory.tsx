// The contents this asset has had at its path, newest first: when each was recorded, its
// size and dimensions. The current one is marked.
import type { AssetVersion } from '../../../../shared/dto';
import { formatBytes, formatExactBytes } from '../../format/bytes';
import { formatInstant } from '../../format/date';
import { formatDimensions } from '../../format/media';

export function VersionHistory({
  history,
  currentHash,
}: {
  history: readonly AssetVersion[];
  currentHash: string | null;
}) {
  if (history.length === 0) return null;
  const newestFirst = [...history].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <section className="preview-section" aria-label="Version history">
      <h3 className="preview-heading">
        {history.length === 1 ? 'Version' : `Versions (${history.length})`}
      </h3>
      <ol className="version-list" data-testid="preview-history">
        {newestFirst.map((v) => (
          <li
            key={`${v.hash}:${v.recordedAt}`}
            className="version"
            aria-current={v.hash === currentHash ? 'true' : undefined}
            title={v.hash}
          >
            <span className="version-date">{formatInstant(v.recordedAt)}</span>
            <span className="version-bytes" title={formatExactBytes(v.bytes)}>
              {formatBytes(v.bytes)}
            </span>
            <span className="version-size">
              {v.width !== null && v.height !== null ? formatDimensions(v.width, v.height) : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
