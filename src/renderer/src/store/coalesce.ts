// Runs an async load at most once at a time: requests made while one is in flight fold into
// a single follow-up, so a burst of events costs two loads, not one per event.
export function coalesce(load: () => Promise<void>): () => Promise<void> {
  let inflight: Promise<void> | null = null;
  let again = false;
  return () => {
    if (inflight !== null) {
      again = true;
      return inflight;
    }
    inflight = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again);
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };
}
