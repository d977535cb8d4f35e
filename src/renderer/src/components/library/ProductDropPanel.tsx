// In the Library, under the catalogs: a collapsible, searchable list of products to drop
// the grid's selection on (as photo managers let you drop onto a collection), so linking a
// shoot never leaves the grid. Closed, it costs nothing: products load when it opens.
import { useState } from 'react';
import { useServices } from '../../app-context';
import { ProductList } from '../products/list/ProductList';
import { ProductSearch } from '../products/list/ProductSearch';

export function ProductDropPanel() {
  const { stores } = useServices();
  const [open, setOpen] = useState(false);
  return (
    <section className="product-drop-panel" aria-label="Products">
      <div className="catalog-row">
        <h2 className="sidebar-heading product-drop-heading">
          <button
            type="button"
            className="panel-toggle"
            data-testid="product-drop-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> Products
          </button>
        </h2>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="link-button"
          onClick={() => stores.nav.getState().showProducts('catalog')}
        >
          Open
        </button>
      </div>
      {open && (
        <>
          <p className="dim product-drop-hint">Drag media from the grid onto a product.</p>
          <ProductSearch id="library-product-search" />
          <ProductList label="Drop on a product" />
        </>
      )}
    </section>
  );
}
