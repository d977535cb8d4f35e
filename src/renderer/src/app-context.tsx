// Hands the client and the stores to components. Built once in main.tsx (or a test).
import { createContext, useContext, type ReactNode } from 'react';
import type { Client } from './client';
import type { Stores } from './store/create-stores';

export interface AppServices {
  client: Client;
  stores: Stores;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider({
  services,
  children,
}: {
  services: AppServices;
  children: ReactNode;
}) {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('useServices() outside <AppProvider>');
  return services;
}
