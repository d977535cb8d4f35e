// The product search (the search language, as export selects products: words in SKU, name
// or attributes, sku:, product:, tag: …) with its caret error, and, when a readiness
// blocker narrows the list, a chip that says so and clears it.
import { useServices } from '../../../app-context';
import { useProducts } from '../../../store-hooks';
import { EngineError } from '../../export/EngineError';

export function ProductSearch({ id }: { id: string }) {
  const { stores } = useServices();
  const query = useProducts((s) => s.query);
  const focus = useProducts((s) => s.focus);
  const error = useProducts((s) => s.error);
  return (
    <div className="product-search">
      <label className="visually-hidden" htmlFor={id}>
        Search products
      </label>
      <input
        id={id}
        type="search"
        data-testid="product-search"
        placeholder="Search: words, sku:, product:, tag:…"
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => stores.products.getState().setQuery(e.target.value)}
      />
      {error !== null && query.trim() !== '' && (
        <EngineError message={error} testId="product-search-error" />
      )}
      {focus !== null && (
        <p className="focus-chip" data-testid="product-focus">
          <span>{focus.label}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => stores.products.getState().setFocus(null)}
          >
            Show all
          </button>
        </p>
      )}
    </div>
  );
}
