// A spin's frames for the loupe: read once per spin (again when spins change), every
// frame's thumbnail preloaded so dragging turns without a blank, and the ~2048 px previews
// of the frame on show and its neighbours asked for as it turns. Another spin shows no
// frames until its own detail comes (never the previous spin's).
import { useEffect, useState } from 'react';
import type { SpinDetail } from '../../../../shared/spin-dto';
import { useServices } from '../../app-context';

export function useSpinFrames(spinId: number): SpinDetail | null {
  const { client } = useServices();
  // Held with the id it was asked for: a detail of another spin counts as none.
  const [held, setHeld] = useState<{ id: number; detail: SpinDetail } | null>(null);
  const detail = held !== null && held.id === spinId ? held.detail : null;
  useEffect(() => {
    let live = true;
    const load = (): void => {
      client.call('spins.get', { id: spinId }).then(
        (d) => {
          if (live) setHeld({ id: spinId, detail: d });
        },
        () => undefined, // a spin dissolved meanwhile: the list refetch takes the tile away
      );
    };
    load();
    const stop = client.on('spins.changed', load);
    return () => {
      live = false;
      stop();
    };
  }, [client, spinId]);

  useEffect(() => {
    if (!detail) return;
    // Held by the browser's cache once fetched; the Image objects need not live on.
    for (const f of detail.frameList)
      if (f.hash !== null) new Image().src = client.thumbUrl(f.hash);
  }, [client, detail]);
  return detail;
}

/** Frame `n` of `count`, wrapping both ways (turning past the last frame is frame 1). */
export function wrapFrame(n: number, count: number): number {
  return count === 0 ? 0 : ((n % count) + count) % count;
}
