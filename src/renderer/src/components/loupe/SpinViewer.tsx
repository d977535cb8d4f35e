// A 360° spin in the loupe: drag sideways (pointer) or press ↑/↓ (also , and .) to turn it
// frame by frame; ←/→ still move through the list and the culling keys rate and flag the
// spin (its cover), as for any asset. A whole drag across the stage turns it once round.
import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import type { Asset } from '../../../../shared/dto';
import type { SpinBadge } from '../../../../shared/spin-dto';
import { useServices } from '../../app-context';
import { previewKey } from '../../store/previews-store';
import { useLoupe, usePreviews } from '../../store-hooks';
import { useSpinFrames, wrapFrame } from './use-spin-frames';

export function SpinViewer({ asset, spin }: { asset: Asset; spin: SpinBadge }) {
  const { client, stores } = useServices();
  const detail = useSpinFrames(spin.id);
  const frames = useMemo(() => detail?.frameList ?? [], [detail]);
  const turned = useLoupe((s) => s.frame);
  const at = wrapFrame(turned, frames.length);
  const frame = frames[at];
  const preview = usePreviews((s) =>
    frame ? s.entries.get(previewKey(frame.assetId, frame.hash)) : undefined,
  );
  const stageRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; from: number } | null>(null);

  // Each asset shown starts at its first frame.
  useEffect(() => stores.loupe.getState().setFrame(0), [stores, asset.id]);

  // The frame on show and the next ones either way get their previews.
  useEffect(() => {
    if (frames.length === 0) return;
    for (const d of [0, 1, -1, 2, -2]) {
      const f = frames[wrapFrame(at + d, frames.length)];
      if (f && f.state !== 'error') stores.previews.getState().ensure(f.assetId, f.hash);
    }
  }, [stores, frames, at]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    drag.current = { x: event.clientX, from: stores.loupe.getState().frame };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (drag.current === null || frames.length === 0) return;
    const width = stageRef.current?.clientWidth || 800;
    const step = Math.max(4, width / frames.length);
    const moved = Math.round((event.clientX - drag.current.x) / step);
    stores.loupe.getState().setFrame(drag.current.from + moved);
  };
  const onPointerUp = (): void => {
    drag.current = null;
  };

  const src =
    preview?.status === 'ready'
      ? client.previewUrl(preview.hash)
      : frame?.hash
        ? client.thumbUrl(frame.hash)
        : null;
  return (
    <div
      ref={stageRef}
      className="spin-stage"
      data-testid="spin-viewer"
      data-frame={frame ? at + 1 : 0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      {src !== null && (
        <img
          className="spin-frame"
          data-testid="spin-frame"
          src={src}
          alt={frame?.name ?? ''}
          draggable={false}
        />
      )}
      <div className="spin-counter" data-testid="spin-counter" role="status">
        360° · frame {frames.length === 0 ? 0 : at + 1}/{frames.length}
        {frame?.state === 'missing' ? ' (file missing)' : ''}
      </div>
      {detail !== null && detail.warnings.length > 0 && (
        <div className="spin-warning" data-testid="spin-warning">
          {detail.warnings.join(' · ')}
        </div>
      )}
    </div>
  );
}
