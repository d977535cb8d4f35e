// The product being looked at: its SKU, name, facts and variants, editing and deleting it,
// its readiness per channel and its media board.
import { useState } from 'react';
import type { ProductDetail } from '../../../../shared/product-dto';
import { useServices } from '../../app-context';
import { useProducts } from '../../store-hooks';
import { MediaBoard } from './board/MediaBoard';
import { HistoryButtons } from './HistoryButtons';
import { ProductForm } from './ProductForm';
import { ProductReadiness } from './readiness/ProductReadiness';

export function ProductPage() {
  const selectedId = useProducts((s) => s.selectedId);
  const detail = useProducts((s) => s.detail);
  if (selectedId === null) {
    return (
      <div className="product-page screen-message">
        <p>Choose a product, or drop media on one in the list.</p>
      </div>
    );
  }
  if (detail === null) return <div className="product-page screen-message">Loading…</div>;
  return <ProductContent key={detail.id} detail={detail} />;
}

function ProductContent({ detail }: { detail: ProductDetail }) {
  const { stores } = useServices();
  const [editing, setEditing] = useState(false);
  const remove = () => {
    const sure = window.confirm(
      `Delete ${detail.sku}? Its links go with it; the media files stay where they are.`,
    );
    if (sure) void stores.products.getState().remove(detail.id);
  };
  return (
    <article
      className="product-page"
      aria-label={`Product ${detail.sku}`}
      data-testid="product-page"
    >
      <header className="product-page-header">
        <div className="product-page-title">
          <h2>
            <span className="product-sku" data-testid="product-page-sku">
              {detail.sku}
            </span>{' '}
            {detail.name}
          </h2>
          <ProductFacts detail={detail} />
        </div>
        <HistoryButtons />
        <button type="button" data-testid="product-edit" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="danger" data-testid="product-delete" onClick={remove}>
          Delete
        </button>
      </header>
      {editing && <ProductForm product={detail} onDone={() => setEditing(false)} />}
      <ProductReadiness detail={detail} />
      <MediaBoard detail={detail} />
    </article>
  );
}

function ProductFacts({ detail }: { detail: ProductDetail }) {
  const facts = [
    detail.parentSku !== null && `Variant of ${detail.parentSku}`,
    detail.variants.length > 0 && `Variants: ${detail.variants.map((v) => v.sku).join(', ')}`,
    detail.productType !== null && `Type: ${detail.productType}`,
    detail.channels.length > 0 && `Channels: ${detail.channels.join(', ')}`,
    ...Object.entries(detail.attributes).map(([key, value]) => `${key}: ${value}`),
  ].filter((fact): fact is string => typeof fact === 'string');
  if (facts.length === 0) return null;
  return (
    <ul className="product-facts dim">
      {facts.map((fact) => (
        <li key={fact}>{fact}</li>
      ))}
    </ul>
  );
}
