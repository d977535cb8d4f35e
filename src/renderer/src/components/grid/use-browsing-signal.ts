// Tells the engine the grid is scrolling, so its background jobs (the AI, backfills) hold
// back meanwhile (jobs/interactive-gate.ts) and leave the cores to this page's frames. A
// sweep asks for no page and no thumbnail until it stops, so without this the engine would
// not know. At most one call per BROWSING_EVERY_MS; the engine's hold outlasts the gap.
import { useEffect, type RefObject } from 'react';
import { useServices } from '../../app-context';

export const BROWSING_EVERY_MS = 500;

export function useBrowsingSignal(scrollRef: RefObject<HTMLElement | null>): void {
  const { client } = useServices();
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    let last = Number.NEGATIVE_INFINITY;
    const onScroll = (): void => {
      const now = performance.now();
      if (now - last < BROWSING_EVERY_MS) return;
      last = now;
      // Only a hint: an engine that misses one runs its jobs a little sooner.
      client.call('assets.browsing', {}).catch(() => undefined);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [client, scrollRef]);
}
