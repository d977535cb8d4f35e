// The picture in the loupe. Fit: the whole image in the window. 1:1: one preview pixel per
// device pixel, scrollable and draggable; zooming in by click keeps the clicked detail under
// the pointer. While the preview loads, the thumbnail (or placeholder) stands in, scaled up.
import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { LoupeZoom } from '../../store/loupe-store';
import {
  actualSize,
  containRect,
  fractionOn,
  scrollToKeep,
  type Point,
  type Size,
} from './loupe-geometry';
import { useDragPan } from './use-drag-pan';

interface LoupeStageProps {
  /** The best image available now: preview, else thumbnail, else placeholder. */
  src: string | null;
  /** Shown under `src` until it has loaded (the thumbnail while the preview downloads). */
  standIn: string | null;
  alt: string;
  zoom: LoupeZoom;
  onToggleZoom: () => void;
  /** Reports when `src` has loaded, for the spinner. */
  onLoaded: (src: string) => void;
}

export function LoupeStage({ src, standIn, alt, zoom, onToggleZoom, onLoaded }: LoupeStageProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ src: string; size: Size } | null>(null);
  const focus = useRef<{ at: Point; under: Point } | null>(null);
  const pan = useDragPan(stageRef, zoom === '1:1');
  const size = natural !== null && natural.src === src ? natural.size : null;
  const loaded = size !== null;

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (pan.consumeDrag()) return;
    const stage = stageRef.current;
    if (zoom === 'fit' && stage !== null && size !== null) {
      const box = stage.getBoundingClientRect();
      const under = { x: event.clientX - box.left, y: event.clientY - box.top };
      const painted = containRect({ width: stage.clientWidth, height: stage.clientHeight }, size);
      focus.current = { at: fractionOn(under, painted), under };
    } else {
      focus.current = null;
    }
    onToggleZoom();
  };

  // Entering 1:1 (or a sharper image arriving in 1:1): scroll to the remembered spot.
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (zoom !== '1:1' || stage === null || size === null) return;
    const viewport = { width: stage.clientWidth, height: stage.clientHeight };
    const { left, top } = scrollToKeep(actualSize(size, devicePixelRatio), viewport, focus.current);
    stage.scrollLeft = left;
    stage.scrollTop = top;
    focus.current = null;
  }, [zoom, size]);

  const shown = zoom === '1:1' && size !== null ? actualSize(size, devicePixelRatio) : null;
  return (
    <div
      ref={stageRef}
      className={`loupe-stage is-${zoom === 'fit' ? 'fit' : 'actual'}`}
      onClick={onClick}
      {...pan.handlers}
    >
      {standIn !== null && !loaded && zoom === 'fit' && (
        <img className="loupe-stand-in" src={standIn} alt="" draggable={false} />
      )}
      {src !== null && (
        <img
          key={src}
          className="loupe-image"
          data-testid="loupe-image"
          src={src}
          alt={alt}
          draggable={false}
          style={shown !== null ? { width: shown.width, height: shown.height } : undefined}
          onLoad={(e) => {
            const img = e.currentTarget;
            setNatural({ src, size: { width: img.naturalWidth, height: img.naturalHeight } });
            onLoaded(src);
          }}
        />
      )}
    </div>
  );
}
