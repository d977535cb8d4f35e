// Loupe previews (~2048 px), rendered by the engine on demand. Remembers what it was told
// per asset content, so going back and forth in the loupe asks once, and asks again when a
// file gets new content. Bounded: old answers are forgotten first.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../client';

export type PreviewStatus =
  | { status: 'loading' }
  | { status: 'ready'; hash: string }
  | { status: 'none'; reason: string }
  | { status: 'failed'; message: string };

export interface PreviewsState {
  entries: ReadonlyMap<string, PreviewStatus>;
  /** Asks for the preview of this content of asset `id`, unless known or on its way. */
  ensure(id: number, contentHash: string | null): void;
}

export type PreviewsStore = StoreApi<PreviewsState>;

const MAX_ENTRIES = 300;

export function previewKey(id: number, contentHash: string | null): string {
  return `${id}:${contentHash ?? ''}`;
}

export function createPreviewsStore(client: Client): PreviewsStore {
  return createStore<PreviewsState>()((set, get) => {
    const put = (key: string, status: PreviewStatus): void => {
      const entries = new Map(get().entries);
      entries.delete(key); // re-inserted last: the newest
      entries.set(key, status);
      for (const old of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        if (old !== key && entries.get(old)?.status !== 'loading') entries.delete(old);
      }
      set({ entries });
    };

    return {
      entries: new Map(),
      ensure(id, contentHash) {
        const key = previewKey(id, contentHash);
        const known = get().entries.get(key);
        // A failed call (engine unreachable, say) is worth another try; a reason is final.
        if (known !== undefined && known.status !== 'failed') return;
        put(key, { status: 'loading' });
        client.call('previews.ensure', { id }).then(
          ({ hash, reason }) =>
            put(
              key,
              hash !== null
                ? { status: 'ready', hash }
                : { status: 'none', reason: reason ?? 'No preview can be made of this file.' },
            ),
          (cause: unknown) =>
            put(key, {
              status: 'failed',
              message: cause instanceof Error ? cause.message : String(cause),
            }),
        );
      },
    };
  });
}
