// One product in a list: main thumbnail, SKU, name and attributes, link count. A drop target:
// assets dropped here join its gallery; OS files are offered for copying (desktop).
import { memo } from 'react';
import type { Product } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { applyDrop } from '../../../dnd/product-drop';
import { useDropActions } from '../../../dnd/use-drop-actions';
import { useDropZone } from '../../../dnd/use-drop-zone';

interface ProductRowProps {
  product: Product;
  selected: boolean;
  onPick: (id: number) => void;
}

export const ProductRow = memo(function ProductRow({ product, selected, onPick }: ProductRowProps) {
  const { client } = useServices();
  const actions = useDropActions();
  const zone = useDropZone((payload) => {
    // A link dragged from this product's own board onto its row: nothing to do.
    if (payload.kind === 'link' && payload.link.productId === product.id) return;
    void applyDrop(payload, { productId: product.id, role: 'gallery' }, actions);
  });
  const attributes = Object.entries(product.attributes)
    .map(([key, value]) => `${key}: ${value}`)
    .join(' · ');
  const classes = ['product-row', selected && 'is-selected', zone.over && 'is-drop-target'];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      data-testid="product-row"
      data-sku={product.sku}
      aria-pressed={selected}
      aria-label={`${product.sku} ${product.name}`}
      onClick={() => onPick(product.id)}
      {...zone.handlers}
    >
      <span className="product-row-thumb">
        {product.mainHash !== null && (
          <img src={client.thumbUrl(product.mainHash)} alt="" draggable={false} loading="lazy" />
        )}
      </span>
      <span className="product-row-text">
        <span className="product-row-title">
          <span className="product-sku">{product.sku}</span> {product.name}
        </span>
        {attributes !== '' && <span className="product-row-attrs dim">{attributes}</span>}
      </span>
      <span className="product-row-count" title="Linked media" data-testid="product-link-count">
        {product.linkCount}
      </span>
    </button>
  );
});
