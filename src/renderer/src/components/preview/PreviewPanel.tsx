// Right column: the selected asset, larger, with everything Packshot knows about it. Only
// what is known is shown; metadata arrives with `assets.get` after the list row.
import type { Asset, AssetDetail } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatBytes, formatExactBytes } from '../../format/bytes';
import { formatInstant } from '../../format/date';
import { formatDimensions, formatFileKind, formatImageFormat } from '../../format/media';
import { placeholderUrl } from '../../media/placeholder-url';
import { AiPreviewSection } from '../ai/AiPreviewSection';
import { ExportOverrides } from '../export/ExportOverrides';
import { useSelectedAsset } from '../use-selected-asset';
import { CullingFacts } from '../culling/CullingFacts';
import { PreviewKeywords } from '../keywords/PreviewKeywords';
import { CaptureFacts } from './CaptureFacts';
import { DescriptionFacts } from './DescriptionFacts';
import { DuplicateOf } from './DuplicateOf';
import { Fact } from './Fact';
import { MediaFacts } from './MediaFacts';
import { AssetRightsSection } from './rights/AssetRightsSection';
import { useAssetDetail } from './use-asset-detail';
import { VersionHistory } from './VersionHistory';

export function PreviewPanel() {
  const asset = useSelectedAsset();
  return (
    <aside className="preview" data-testid="preview-panel" aria-label="Preview">
      {asset === undefined ? (
        <p className="preview-empty">Select an image to see its details.</p>
      ) : (
        // Keyed: another asset starts with no stale detail from the previous one.
        <PreviewDetails key={asset.id} asset={asset} />
      )}
    </aside>
  );
}

function PreviewDetails({ asset }: { asset: Asset }) {
  const detail = useAssetDetail(asset);
  const meta = detail?.metadata ?? null;
  const reason = asset.error ?? (asset.state === 'error' ? 'This file could not be read.' : null);
  return (
    <>
      <PreviewImage asset={asset} />
      <h2 className="preview-name" data-testid="preview-name" title={asset.name}>
        {asset.name}
      </h2>
      {reason !== null && (
        <p className="preview-error" data-testid="preview-error" role="alert">
          {reason}
        </p>
      )}
      <CullingFacts asset={asset} />
      <StateNote asset={asset} />
      {asset.notice !== null && (
        <p className="preview-notice" data-testid="preview-notice">
          {asset.notice}
        </p>
      )}
      {asset.duplicateOf !== null && <DuplicateOf id={asset.duplicateOf} />}
      <dl className="preview-facts">
        <dt>Dimensions</dt>
        <dd data-testid="preview-dimensions">
          {formatDimensions(asset.displayWidth ?? asset.width, asset.displayHeight ?? asset.height)}
        </dd>
        <dt>Format</dt>
        <dd data-testid="preview-format">{formatImageFormat(asset.format)}</dd>
        <dt>Size</dt>
        <dd data-testid="preview-bytes" title={formatExactBytes(asset.bytes)}>
          {formatBytes(asset.bytes)}
        </dd>
        <CaptureFacts asset={asset} meta={meta} />
        <DescriptionFacts asset={asset} meta={meta} />
        <Fact label="Added" testId="preview-added">
          {formatInstant(asset.addedAt)}
        </Fact>
        <dt>Path</dt>
        <dd className="preview-path" data-testid="preview-path" title={asset.path}>
          {asset.path}
        </dd>
      </dl>
      <MediaFacts detail={detail} />
      {/* The detail first: it is read again when tags change (grid rows carry none). */}
      <PreviewKeywords asset={asset} keywords={detail?.keywords ?? asset.keywords ?? []} />
      <AiPreviewSection asset={asset} />
      <Sidecars detail={detail} />
      <VersionHistory asset={asset} />
      <AssetRightsSection asset={asset} />
      <ExportOverrides asset={asset} />
    </>
  );
}

function PreviewImage({ asset }: { asset: Asset }) {
  const { client, stores } = useServices();
  const src =
    asset.thumb === 'ready' && asset.hash !== null
      ? client.thumbUrl(asset.hash)
      : placeholderUrl(asset.placeholder);
  return (
    <button
      type="button"
      className="preview-image"
      data-testid="preview-open-loupe"
      title="View larger (Space)"
      onClick={() => stores.loupe.getState().show()}
    >
      {src !== null ? (
        <img src={src} alt={asset.name} decoding="async" />
      ) : (
        <span className="preview-placeholder">{previewPlaceholder(asset)}</span>
      )}
    </button>
  );
}

/** Missing and offline are states, not errors: say what they mean. */
function StateNote({ asset }: { asset: Asset }) {
  switch (asset.state) {
    case 'missing':
      return (
        <p className="preview-state" data-testid="preview-missing">
          The file is gone from disk. Packshot keeps it with its tags and history, and picks it up
          again if it comes back.
        </p>
      );
    case 'offline':
      return (
        <p className="preview-state" data-testid="preview-offline">
          Its drive or folder cannot be reached right now.
        </p>
      );
    case 'pending':
    case 'ok':
    case 'error':
      return null;
  }
}

function Sidecars({ detail }: { detail: AssetDetail | null }) {
  const sidecars = detail?.metadata?.sidecars ?? [];
  if (sidecars.length === 0) return null;
  return (
    <section className="preview-section" aria-label="Sidecar files">
      <h3 className="preview-heading">Sidecars</h3>
      <ul className="sidecar-list" data-testid="preview-sidecars">
        {sidecars.map((path) => (
          <li key={path} className="preview-path">
            {path}
          </li>
        ))}
      </ul>
    </section>
  );
}

function previewPlaceholder(asset: Asset): string {
  if (asset.state === 'error') return 'No preview';
  switch (asset.thumb) {
    case 'pending':
    case 'ready':
      return 'Rendering preview…';
    case 'error':
      return 'No preview available';
    case 'none':
      return asset.state === 'pending' ? 'Reading…' : formatFileKind(asset.format, asset.name);
  }
}
