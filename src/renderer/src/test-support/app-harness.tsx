// Mounts a piece of UI (or the whole App) on real stores wired to a fake transport, as
// main.tsx does, with preferences kept in memory.
import type { ReactNode } from 'react';
import { Client } from '../client';
import { connectStores } from '../store/connect-stores';
import { createStores, type Stores } from '../store/create-stores';
import type { PrefsStorage } from '../store/prefs-store';
import type { FakeTransport } from './fake-transport';
import { flush, mount } from './render';

export interface Harness {
  root: HTMLElement;
  stores: Stores;
  storage: PrefsStorage;
  unmount(): void;
}

export function memoryStorage(): PrefsStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

export async function startUi(
  ui: ReactNode,
  transport: FakeTransport,
  storage: PrefsStorage = memoryStorage(),
): Promise<Harness> {
  const client = new Client(transport);
  const stores = createStores(client, {
    refetchDelayMs: 0,
    folderRefreshDelayMs: 0,
    productQueryDelayMs: 0,
    aiRefreshDelayMs: 0,
    storage,
  });
  const disconnect = connectStores(client, stores);
  const mounted = await mount(ui, { client, stores });
  await flush();
  return {
    root: mounted.container,
    stores,
    storage,
    unmount() {
      disconnect();
      mounted.unmount();
    },
  };
}
