// Pre-flight: the last report for the current selection, and whether only failures show.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PreflightReport } from '../../../shared/export-dto';
import type { Client } from '../client';
import { selectionArgs, type PackSelectionState } from './pack-selection-store';

export interface PreflightState {
  report: PreflightReport | null;
  status: 'idle' | 'running' | 'ready' | 'error';
  error: string | null;
  failuresOnly: boolean;
  run(selection: Pick<PackSelectionState, 'channels' | 'query'>): Promise<void>;
  setFailuresOnly(on: boolean): void;
}

export type PreflightStore = StoreApi<PreflightState>;

export function createPreflightStore(client: Client): PreflightStore {
  // Only the newest run may land: an older, slower one must not replace it.
  let generation = 0;
  return createStore<PreflightState>()((set) => ({
    report: null,
    status: 'idle',
    error: null,
    failuresOnly: false,
    async run(selection) {
      if (selection.channels.length === 0) {
        set({ status: 'error', error: 'Choose at least one channel to check.' });
        return;
      }
      const mine = ++generation;
      set({ status: 'running', error: null });
      try {
        const report = await client.call('exports.check', selectionArgs(selection));
        if (mine === generation) set({ report, status: 'ready' });
      } catch (cause) {
        if (mine !== generation) return;
        set({ status: 'error', error: cause instanceof Error ? cause.message : String(cause) });
      }
    },
    setFailuresOnly: (failuresOnly) => set({ failuresOnly }),
  }));
}
