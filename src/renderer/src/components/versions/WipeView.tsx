// The slider (wipe) view of two versions: b laid over a and cut at `position` percent of the
// width, so a shows left of the line and b right of it. The range input (or a drag on the
// images) moves the line; both images are fitted the same way, so their pixels line up.
import { useRef, type PointerEvent } from 'react';

export function WipeView({
  a,
  b,
  labels,
  position,
  onMove,
}: {
  a: string | null;
  b: string | null;
  labels: readonly [string, string];
  position: number;
  onMove: (position: number) => void;
}) {
  const stage = useRef<HTMLDivElement>(null);
  const follow = (event: PointerEvent<HTMLDivElement>) => {
    if (event.buttons !== 1 || !stage.current) return;
    const box = stage.current.getBoundingClientRect();
    if (box.width > 0) onMove(((event.clientX - box.left) / box.width) * 100);
  };
  return (
    <div className="wipe" data-testid="version-wipe">
      <div ref={stage} className="wipe-stage" onPointerDown={follow} onPointerMove={follow}>
        {a !== null && <img className="wipe-a" src={a} alt={labels[0]} draggable={false} />}
        {b !== null && (
          <img
            className="wipe-b"
            src={b}
            alt={labels[1]}
            draggable={false}
            data-testid="version-wipe-b"
            style={{ clipPath: `inset(0 0 0 ${position}%)` }}
          />
        )}
        <span className="wipe-line" style={{ left: `${position}%` }} aria-hidden="true" />
        <span className="wipe-label is-a">{labels[0]}</span>
        <span className="wipe-label is-b">{labels[1]}</span>
      </div>
      <input
        type="range"
        className="wipe-range"
        data-testid="version-wipe-range"
        aria-label={`Slider: ${labels[0]} left, ${labels[1]} right`}
        min={0}
        max={100}
        step={1}
        value={Math.round(position)}
        onChange={(e) => onMove(Number(e.currentTarget.value))}
      />
    </div>
  );
}
