// A layer over the loupe's picture (same box, picture contained in it): draws the focal
// point, and while picking turns a click into 0–1 coordinates of the picture.
import { useLayoutEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { FocalPoint } from '../../../../shared/export-dto';
import { containRect, fractionOn, type Point, type Size } from '../loupe/loupe-geometry';

interface FocalPointLayerProps {
  /** The picture's shape as shown (oriented). */
  image: Size;
  focus: FocalPoint | null;
  picking: boolean;
  onPick: (point: Point) => void;
}

export function FocalPointLayer({ image, focus, picking, onPick }: FocalPointLayerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useBoxSize(ref);
  const painted = containRect(box, image);

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (!picking) return;
    event.stopPropagation();
    const rect = event.currentTarget.getBoundingClientRect();
    const under = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    const at = fractionOn(under, painted);
    // Three decimals: a thousandth of the picture is finer than any crop needs.
    onPick({ x: round(at.x), y: round(at.y) });
  };

  return (
    <div
      ref={ref}
      className={`loupe-focus-layer${picking ? ' is-picking' : ''}`}
      data-testid="focus-layer"
      onClick={onClick}
    >
      {focus !== null && painted.width > 0 && (
        <span
          className="loupe-focus-marker"
          data-testid="focus-marker"
          role="img"
          aria-label={`Focal point at ${Math.round(focus.x * 100)} %, ${Math.round(focus.y * 100)} %`}
          style={{
            left: painted.x + focus.x * painted.width,
            top: painted.y + focus.y * painted.height,
          }}
        />
      )}
    </div>
  );
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function useBoxSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
