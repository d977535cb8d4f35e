// The Products view. Its pages: the catalog (list | product board | media strip), what is
// not ready, and filename rules; CSV import opens over any of them.
//
// Layout of the catalog page, left to right: the product list where the Library has its
// catalogs (the same "pick on the left, work in the middle" habit), the product's board in
// the middle as the main work surface, and a media strip on the right to drag from. The
// strip sits right next to the board, so a drag is short and never crosses the list; to
// work from a shoot instead, the Library view keeps the grid with a product drop panel.
import { useState } from 'react';
import { useServices } from '../../app-context';
import type { ProductsPage } from '../../store/nav-store';
import { useNav } from '../../store-hooks';
import { CsvImportDialog } from './csv/CsvImportDialog';
import { ProductListPanel } from './list/ProductListPanel';
import { ProductPage } from './ProductPage';
import { NotReadyPage } from './readiness/NotReadyPage';
import { RulesPage } from './rules/RulesPage';
import { AssetStrip } from './strip/AssetStrip';

const PAGES: ReadonlyArray<{ id: ProductsPage; label: string }> = [
  { id: 'catalog', label: 'Products' },
  { id: 'not-ready', label: 'Not ready' },
  { id: 'rules', label: 'Filename rules' },
];

export function ProductsView() {
  const { stores } = useServices();
  const page = useNav((s) => s.productsPage);
  const [importing, setImporting] = useState(false);
  return (
    <div className="products-view" data-testid="products-view">
      <header className="products-header">
        <nav className="segmented" aria-label="Products pages">
          {PAGES.map((p) => (
            <button
              key={p.id}
              type="button"
              className="segment"
              data-testid={`products-page-${p.id}`}
              aria-pressed={page === p.id}
              onClick={() => stores.nav.getState().showProducts(p.id)}
            >
              {p.label}
            </button>
          ))}
        </nav>
        <span className="toolbar-spacer" />
        <button type="button" data-testid="csv-open" onClick={() => setImporting(true)}>
          Import CSV…
        </button>
      </header>
      <PageContent page={page} />
      {importing && <CsvImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

function PageContent({ page }: { page: ProductsPage }) {
  switch (page) {
    case 'catalog':
      return (
        <div className="product-catalog">
          <ProductListPanel />
          <ProductPage />
          <AssetStrip />
        </div>
      );
    case 'not-ready':
      return <NotReadyPage />;
    case 'rules':
      return <RulesPage />;
  }
}
