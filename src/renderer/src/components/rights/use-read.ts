// One read of the Rights page: asked again when `generation` moves (an edit here, or the
// engine's rights.changed) and on retry. A failed read is reported once and remembered, so
// the section can say so and offer another try instead of "Loading…" for good.
import { useEffect, useState } from 'react';
import { useServices } from '../../app-context';

export interface Read<T> {
  value: T | null;
  failed: boolean;
  retry: () => void;
}

/** `read` must be stable (useCallback) or the section reads on every render. */
export function useRead<T>(read: () => Promise<T>, what: string, generation: number): Read<T> {
  const { stores } = useServices();
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    read().then(
      (v) => {
        if (!live) return;
        setFailed(false);
        setValue(v);
      },
      (e: unknown) => {
        if (live) setFailed(true);
        stores.notices.getState().report(`Could not read ${what}`, e);
      },
    );
    return () => {
      live = false;
    };
  }, [read, what, generation, attempt, stores]);
  return { value, failed, retry: () => setAttempt((n) => n + 1) };
}
