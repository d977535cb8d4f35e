// The product search (SKU, name, attributes: every word must match) and, when a readiness
// blocker narrows the list, a chip that says so and clears it.
import { useServices } from '../../../app-context';
import { useProducts } from '../../../store-hooks';

export function ProductSearch({ id }: { id: string }) {
  const { stores } = useServices();
  const query = useProducts((s) => s.query);
  const focus = useProducts((s) => s.focus);
  return (
    <div className="product-search">
      <label className="visually-hidden" htmlFor={id}>
        Search products
      </label>
      <input
        id={id}
        type="search"
        data-testid="product-search"
        placeholder="Search SKU, name, attributes"
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => stores.products.getState().setQuery(e.target.value)}
      />
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
