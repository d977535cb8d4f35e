// Right column: the selected asset, larger, with what Packshot knows about it.
import type { Asset } from '../../../shared/dto';
import { useServices } from '../app-context';
import { formatBytes, formatExactBytes } from '../format/bytes';
import { formatDimensions, formatFileKind, formatImageFormat } from '../format/media';
import { useSelectedAsset } from './use-selected-asset';

export function PreviewPanel() {
  const asset = useSelectedAsset();
  return (
    <aside className="preview" data-testid="preview-panel" aria-label="Preview">
      {asset === undefined ? (
        <p className="preview-empty">Select an image to see its details.</p>
      ) : (
        <PreviewDetails asset={asset} />
      )}
    </aside>
  );
}

function PreviewDetails({ asset }: { asset: Asset }) {
  const { client } = useServices();
  const src = asset.thumb === 'ready' && asset.hash !== null ? client.thumbUrl(asset.hash) : null;
  const reason = asset.error ?? (asset.state === 'error' ? 'This file could not be read.' : null);
  return (
    <>
      <div className="preview-image">
        {src !== null ? (
          <img src={src} alt={asset.name} decoding="async" />
        ) : (
          <span className="preview-placeholder">{previewPlaceholder(asset)}</span>
        )}
      </div>
      <h2 className="preview-name" data-testid="preview-name" title={asset.name}>
        {asset.name}
      </h2>
      {reason !== null && (
        <p className="preview-error" data-testid="preview-error" role="alert">
          {reason}
        </p>
      )}
      <dl className="preview-facts">
        <dt>Dimensions</dt>
        <dd data-testid="preview-dimensions">{formatDimensions(asset.width, asset.height)}</dd>
        <dt>Format</dt>
        <dd data-testid="preview-format">{formatImageFormat(asset.format)}</dd>
        <dt>Size</dt>
        <dd data-testid="preview-bytes" title={formatExactBytes(asset.bytes)}>
          {formatBytes(asset.bytes)}
        </dd>
        <dt>Path</dt>
        <dd className="preview-path" data-testid="preview-path" title={asset.path}>
          {asset.path}
        </dd>
      </dl>
    </>
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
