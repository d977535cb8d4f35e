// Per-asset rendition settings: the focal point cover crops keep in view, and overrides of
// a preset's options (or of every preset's). Loaded per asset on demand; each change
// answers with the engine's value, which replaces the local one.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodArgs } from '../../../shared/contract';
import type { FocalPoint, RenditionOverride } from '../../../shared/export-dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';

export interface AssetRenditions {
  status: 'loading' | 'ready' | 'error';
  focus: FocalPoint | null;
  overrides: RenditionOverride[];
}

export type OverrideArgs = MethodArgs<'renditions.setOverride'>;

export interface RenditionsState {
  entries: ReadonlyMap<number, AssetRenditions>;
  /** Loads once per asset (again after a failure). */
  ensure(assetId: number): Promise<void>;
  /** x, y in 0–1 of the displayed, oriented image; null clears the point. */
  setFocus(assetId: number, point: { x: number; y: number } | null): Promise<void>;
  setOverride(args: OverrideArgs): Promise<void>;
  clearOverride(assetId: number, presetId: string | null): Promise<void>;
}

export type RenditionsStore = StoreApi<RenditionsState>;

const EMPTY: AssetRenditions = { status: 'loading', focus: null, overrides: [] };

export function createRenditionsStore(client: Client, notices: NoticesStore): RenditionsStore {
  const store = createStore<RenditionsState>()((_set, get) => ({
    entries: new Map(),
    async ensure(assetId) {
      const known = get().entries.get(assetId);
      if (known !== undefined && known.status !== 'error') return;
      update(assetId, () => EMPTY);
      try {
        const { focus, overrides } = await client.call('renditions.get', { assetId });
        update(assetId, () => ({ status: 'ready', focus, overrides }));
      } catch (cause) {
        update(assetId, (e) => ({ ...e, status: 'error' }));
        notices.getState().report('Could not read the export settings of this image', cause);
      }
    },
    async setFocus(assetId, point) {
      try {
        const focus = await client.call('renditions.setFocus', {
          assetId,
          x: point?.x ?? null,
          y: point?.y ?? null,
        });
        update(assetId, (e) => ({ ...e, status: 'ready', focus }));
      } catch (cause) {
        notices.getState().report('Could not set the focal point', cause);
      }
    },
    async setOverride(args) {
      const saved = await client.call('renditions.setOverride', args);
      update(args.assetId, (e) => ({
        ...e,
        overrides: [...e.overrides.filter((o) => o.presetId !== saved.presetId), saved],
      }));
    },
    async clearOverride(assetId, presetId) {
      await client.call('renditions.clearOverride', { assetId, presetId });
      update(assetId, (e) => ({
        ...e,
        overrides: e.overrides.filter((o) => o.presetId !== presetId),
      }));
    },
  }));

  function update(assetId: number, change: (entry: AssetRenditions) => AssetRenditions): void {
    store.setState(({ entries }) => {
      const next = new Map(entries);
      next.set(assetId, change(entries.get(assetId) ?? EMPTY));
      return { entries: next };
    });
  }

  return store;
}
