// The Products view's left column: search, a new product, and the list.
import { useState } from 'react';
import { ProductForm } from '../ProductForm';
import { ProductList } from './ProductList';
import { ProductSearch } from './ProductSearch';

export function ProductListPanel() {
  const [creating, setCreating] = useState(false);
  return (
    <aside className="product-list-panel" aria-label="Products">
      <ProductSearch id="product-search" />
      {creating ? (
        <ProductForm onDone={() => setCreating(false)} />
      ) : (
        <button
          type="button"
          className="primary"
          data-testid="product-new"
          onClick={() => setCreating(true)}
        >
          New product
        </button>
      )}
      <ProductList label="Products" />
    </aside>
  );
}
