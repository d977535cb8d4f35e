// What a video's cell adds to its poster: the play time, and a hover scrub. Moving the
// pointer across the cell shows the frame at that point from one sprite (SCRUB_FRAMES
// frames side by side), by background position: one request per video, on first hover.
import { useState, type CSSProperties, type PointerEvent } from 'react';
import { SCRUB_FRAMES } from '../../../../shared/bridge';
import { formatPlayTime } from '../../format/media-facts';

export function DurationBadge({ ms }: { ms: number }) {
  return (
    <span className="cell-duration" data-testid="cell-duration" aria-label="Play time">
      {formatPlayTime(ms)}
    </span>
  );
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function VideoScrub({ stripUrl }: { stripUrl: string }) {
  // The poster's box is measured once per hover, on the first move.
  const [scrub, setScrub] = useState<{ frame: number; box: Box } | null>(null);

  const onMove = (event: PointerEvent<HTMLSpanElement>): void => {
    const area = event.currentTarget.getBoundingClientRect();
    const box = scrub?.box ?? posterBox(event.currentTarget);
    const share = area.width > 0 ? (event.clientX - area.left) / area.width : 0;
    const frame = Math.min(SCRUB_FRAMES - 1, Math.max(0, Math.floor(share * SCRUB_FRAMES)));
    if (frame !== scrub?.frame) setScrub({ frame, box });
  };
  const onLeave = (): void => setScrub(null);

  const frame = scrub?.frame ?? null;
  const style: CSSProperties | undefined =
    scrub === null
      ? undefined
      : {
          ...scrub.box,
          backgroundImage: `url("${stripUrl}")`,
          backgroundSize: `${SCRUB_FRAMES * 100}% 100%`,
          backgroundPosition: `${(scrub.frame / (SCRUB_FRAMES - 1)) * 100}% 0`,
        };
  return (
    <span
      className="cell-scrub-area"
      data-testid="cell-scrub-area"
      onPointerMove={onMove}
      onPointerLeave={onLeave}
    >
      {style && (
        <span className="cell-scrub" data-testid="cell-scrub" data-frame={frame} style={style} />
      )}
    </span>
  );
}

/** Where the poster image lies in the cell, so each strip frame covers it exactly. */
function posterBox(area: HTMLElement): Box {
  const poster = area.parentElement?.querySelector<HTMLImageElement>('img.cell-image');
  if (!poster) return { left: 0, top: 0, width: area.offsetWidth, height: area.offsetHeight };
  return {
    left: poster.offsetLeft,
    top: poster.offsetTop,
    width: poster.offsetWidth,
    height: poster.offsetHeight,
  };
}
