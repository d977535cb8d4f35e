/**
 * Resolves true after `ms`, or false at once when `signal` aborts first (never rejects: a
 * job waiting between steps checks its signal itself, and must not leave a timer behind).
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (slept: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(slept);
    };
    const stop = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}
