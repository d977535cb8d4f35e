// Full-window view of the selected asset: its ~2048 px preview (asked for on opening, the
// thumbnail scaled up meanwhile), fit or 1:1. Left/right move through the list, Z or a
// click toggles the zoom of a still photo, Escape or Space closes. A 360° spin shows its
// SpinViewer, turned by dragging or ↑/↓. Focus comes back to where it was. The culling keys work here
// (data-culling-keys): rating in the loupe is what it is for. A video plays in a player
// instead (LoupeVideo), K playing and pausing it.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { assetAt, locateAsset } from '../../store/asset-pages';
import { useAssets, useLoupe, useSelection } from '../../store-hooks';
import { useSelectedAsset } from '../use-selected-asset';
import { LoupeContent } from './LoupeContent';
import { LoupeVideo, togglePlay } from './LoupeVideo';
import { zoomsToActual } from './loupe-kinds';
import { isViewableModel, ModelLoupe } from './ModelLoupe';

export function Loupe() {
  const open = useLoupe((s) => s.open);
  return open ? <LoupeView /> : null;
}

function LoupeView() {
  const { stores } = useServices();
  const rootRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const asset = useSelectedAsset();
  const zoom = useLoupe((s) => s.zoom);
  const total = useAssets((s) => s.total) ?? 0;
  const pages = useAssets((s) => s.pages);
  const selectedId = useSelection((s) => s.id);
  const selectedIndex = useSelection((s) => s.index);
  const index =
    selectedId !== null
      ? (locateAsset(pages, selectedId, selectedIndex)?.index ?? selectedIndex)
      : selectedIndex;

  // A dialog takes focus, and gives it back when it closes.
  useLayoutEffect(() => {
    const previous = document.activeElement;
    rootRef.current?.focus({ preventScroll: true });
    return () => {
      if (previous instanceof HTMLElement) previous.focus({ preventScroll: true });
    };
  }, []);

  const step = (delta: number): void => {
    if (index === null) return;
    const next = index + delta;
    if (next < 0 || next >= total) return;
    stores.selection.getState().select(next, assetAt(pages, next)?.id ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Ctrl/Cmd/Alt combinations are the app's (Ctrl+Z undoes, it does not zoom).
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case 'Escape':
      case ' ':
        stores.loupe.getState().close();
        break;
      case 'ArrowLeft':
        step(-1);
        break;
      case 'ArrowRight':
        step(1);
        break;
      case 'z':
      case 'Z':
        if (!zoomsToActual(asset)) return;
        stores.loupe.getState().toggleZoom();
        break;
      case 'k':
      case 'K':
        if (!togglePlay(rootRef.current)) return;
        break;
      // A spin turns with ↑/↓ (and , .); ←/→ stay the list's, as for every asset.
      case 'ArrowUp':
      case ',':
        if (!asset?.spin) return;
        stores.loupe.getState().turn(-1);
        break;
      case 'ArrowDown':
      case '.':
        if (!asset?.spin) return;
        stores.loupe.getState().turn(1);
        break;
      case 'Tab':
        // Modal: focus stays in the loupe, between it and its close button.
        (document.activeElement === closeRef.current ? rootRef.current : closeRef.current)?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={rootRef}
      className="loupe"
      data-testid="loupe"
      data-zoom={zoomsToActual(asset) ? zoom : 'fit'}
      role="dialog"
      aria-modal="true"
      data-culling-keys=""
      aria-label={asset !== undefined ? `Loupe: ${asset.name}` : 'Loupe'}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {asset !== undefined && playable(asset) ? (
        // Keyed: a video that would not play says nothing about the next one.
        <LoupeVideo key={asset.hash} asset={asset} hash={asset.hash} index={index} total={total} />
      ) : asset !== undefined && isViewableModel(asset) ? (
        <ModelLoupe asset={asset} index={index} total={total} />
      ) : asset !== undefined ? (
        <LoupeContent asset={asset} index={index} total={total} />
      ) : (
        <div className="loupe-message">
          <span
            className="spinner"
            data-testid="loupe-spinner"
            role="status"
            aria-label="Loading"
          />
        </div>
      )}
      <button
        ref={closeRef}
        type="button"
        className="loupe-close"
        aria-label="Close (Escape)"
        title="Close (Escape)"
        onClick={() => stores.loupe.getState().close()}
      >
        ×
      </button>
    </div>
  );
}

/** A video the host can serve: indexed, on disk, readable. */
function playable(asset: Asset): asset is Asset & { hash: string } {
  return asset.kind === 'video' && asset.hash !== null && asset.state === 'ok';
}
