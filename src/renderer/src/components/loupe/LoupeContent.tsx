// What the loupe shows of one asset: the best image there is (preview, else thumbnail,
// else placeholder), where it is in the list, the zoom, a spinner while the preview comes,
// and why there is none when there cannot be one. A video, document or model that lands
// here (not playable, not paged, not in 3D) shows its thumbnail and the reader's own words.
import { useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { LoupeFocalPoint } from '../export/LoupeFocalPoint';
import { placeholderUrl } from '../../media/placeholder-url';
import { previewKey, type PreviewStatus } from '../../store/previews-store';
import { useLoupe, usePreviews } from '../../store-hooks';
import { LoupeDocument, showsPages } from './LoupeDocument';
import { asksPreview, zoomsToActual } from './loupe-kinds';
import { LoupeStage } from './LoupeStage';
import { LoupeWhiteBackground } from './LoupeWhiteBackground';
import { SpinViewer } from './SpinViewer';
import { usePreviewsAround } from './use-previews-around';

export function LoupeContent(props: { asset: Asset; index: number | null; total: number }) {
  // A PDF shows its pages (keyed: a new document starts on page 1).
  if (showsPages(props.asset)) return <LoupeDocument key={props.asset.id} {...props} />;
  return <LoupeImage {...props} />;
}

function LoupeImage({
  asset,
  index,
  total,
}: {
  asset: Asset;
  index: number | null;
  total: number;
}) {
  const { client, stores } = useServices();
  const zoomable = zoomsToActual(asset);
  const chosen = useLoupe((s) => s.zoom);
  const zoom = zoomable ? chosen : 'fit';
  const own = asksPreview(asset);
  const preview = usePreviews((s) =>
    own ? s.entries.get(previewKey(asset.id, asset.hash)) : undefined,
  );
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  usePreviewsAround(asset, index, preview);

  const thumb = asset.thumb === 'ready' && asset.hash !== null ? client.thumbUrl(asset.hash) : null;
  const standIn = thumb ?? placeholderUrl(asset.placeholder);
  const src = preview?.status === 'ready' ? client.previewUrl(preview.hash) : standIn;
  const busy =
    (own && (preview === undefined || preview.status === 'loading')) || loadedSrc !== src;
  const problem = own ? previewProblem(preview) : null;
  // No preview is asked for these kinds: what the reader said (e.g. "Broken PDF: …") instead.
  const note = own ? (problem ?? asset.notice) : (asset.error ?? asset.notice);

  return (
    <>
      {asset.spin ? (
        <SpinViewer asset={asset} spin={asset.spin} />
      ) : (
        <>
          <LoupeStage
            src={src}
            standIn={standIn}
            alt={asset.name}
            zoom={zoom}
            onToggleZoom={() => zoomable && stores.loupe.getState().toggleZoom()}
            onLoaded={setLoadedSrc}
          />
          <LoupeFocalPoint asset={asset} zoom={zoom} />
          {preview?.status === 'ready' && (
            <LoupeWhiteBackground key={asset.id} asset={asset} zoom={zoom} />
          )}
        </>
      )}
      <header className="loupe-bar">
        <span className="loupe-name" title={asset.relPath}>
          {asset.name}
        </span>
        {index !== null && (
          <span className="loupe-position">
            {formatCount(index + 1)} / {formatCount(total)}
          </span>
        )}
        {zoomable && (
          <span className="loupe-zoom" title="Click or press Z to switch">
            {zoom === 'fit' ? 'Fit' : '100 %'}
          </span>
        )}
        {busy && problem === null && !asset.spin && (
          <span
            className="spinner"
            data-testid="loupe-spinner"
            role="status"
            aria-label="Loading the preview"
          />
        )}
      </header>
      {note !== null && (
        <footer className="loupe-note" data-testid="loupe-reason" role="status">
          {note}
        </footer>
      )}
    </>
  );
}

function previewProblem(preview: PreviewStatus | undefined): string | null {
  switch (preview?.status) {
    case undefined:
    case 'loading':
    case 'ready':
      return null;
    case 'none':
      return preview.reason;
    case 'failed':
      return `The preview could not be loaded: ${preview.message}`;
  }
}
