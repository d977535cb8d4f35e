// The searched products as a virtualized list (a catalog can hold tens of thousands), each
// row a drop target. Shared by the Products view and the Library's drop panel.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useServices } from '../../../app-context';
import { formatCount } from '../../../format/count';
import { useProducts } from '../../../store-hooks';
import { ProductRow } from './ProductRow';

const ROW_HEIGHT = 52;

export function ProductList({ label }: { label: string }) {
  const { stores } = useServices();
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = useProducts((s) => s.items);
  const total = useProducts((s) => s.total);
  const focus = useProducts((s) => s.focus);
  const selectedId = useProducts((s) => s.selectedId);
  const shown = focus === null ? items : items.filter((p) => focus.ids.has(p.id));

  // Loaded when first shown (a photographer may never look at products).
  useEffect(() => {
    if (stores.products.getState().total === null) void stores.products.getState().refresh();
  }, [stores]);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const pick = useCallback((id: number) => stores.products.getState().select(id), [stores]);

  return (
    <div className="product-list">
      <div
        ref={scrollRef}
        className="product-list-scroll"
        data-testid="product-list"
        role="list"
        aria-label={label}
        aria-busy={total === null}
      >
        <div className="product-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const product = shown[row.index];
            if (product === undefined) return null;
            return (
              <div
                key={product.id}
                role="listitem"
                className="product-list-item"
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              >
                <ProductRow product={product} selected={product.id === selectedId} onPick={pick} />
              </div>
            );
          })}
        </div>
      </div>
      <ListFooter total={total} loaded={items.length} shown={shown.length} />
    </div>
  );
}

function ListFooter({
  total,
  loaded,
  shown,
}: {
  total: number | null;
  loaded: number;
  shown: number;
}) {
  if (total === null) return <p className="product-list-note dim">Loading…</p>;
  if (total === 0)
    return <p className="product-list-note dim">No products. Create one or import a CSV.</p>;
  if (shown === 0) return <p className="product-list-note dim">No product matches.</p>;
  if (loaded < total)
    return (
      <p className="product-list-note dim">
        Showing {formatCount(loaded)} of {formatCount(total)}: search to narrow the list.
      </p>
    );
  return null;
}
