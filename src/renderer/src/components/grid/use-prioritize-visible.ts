// Tells the engine which thumbnails are on screen, so it renders those first. Debounced:
// while the user scrolls, only the place where they stop counts.
import { useEffect } from 'react';
import { useServices } from '../../app-context';

export const PRIORITIZE_DELAY_MS = 150;
const MAX_IDS = 2000;

export function usePrioritizeVisible(ids: readonly number[]): void {
  const { client, stores } = useServices();
  // The ids as a string, so a re-render with the same cells does not restart the timer.
  const key = ids.slice(0, MAX_IDS).join(',');
  useEffect(() => {
    if (key === '') return undefined;
    const timer = setTimeout(() => {
      const wanted = key.split(',').map(Number);
      client.call('assets.prioritize', { ids: wanted }).catch((cause: unknown) => {
        stores.notices.getState().report('Could not reorder thumbnail rendering', cause);
      });
    }, PRIORITIZE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, client, stores]);
}
