// Which top-level view the window shows. One list of sections, so adding a view is one
// entry here and one case in App.tsx.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const SECTIONS = [
  { id: 'library', label: 'Library' },
  { id: 'products', label: 'Products' },
  { id: 'export', label: 'Export' },
  { id: 'rights', label: 'Rights' },
  { id: 'review', label: 'Review' },
  { id: 'people', label: 'People' },
] as const;

export type Section = (typeof SECTIONS)[number]['id'];

/** The Products section's own pages. */
export type ProductsPage = 'catalog' | 'not-ready' | 'rules';

export interface NavState {
  section: Section;
  productsPage: ProductsPage;
  show(section: Section): void;
  showProducts(page: ProductsPage): void;
}

export type NavStore = StoreApi<NavState>;

export function createNavStore(): NavStore {
  return createStore<NavState>()((set) => ({
    section: 'library',
    productsPage: 'catalog',
    show: (section) => set({ section }),
    showProducts: (productsPage) => set({ section: 'products', productsPage }),
  }));
}
