// Link suggestions from text in images: accept links the file to the product (one undoable
// step with the suggestion's state), reject keeps the product from being suggested again.
import { LinkSuggestionEdits } from '../ai/link-suggestion-edits';
import type { ProductParts } from '../products/product-parts';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

type Names = NamespaceMethods<'linkSuggestions'>;

export function linkSuggestionHandlers(
  ctx: EngineContext,
  parts: ProductParts,
): HandlerGroup<Names> {
  const edits = new LinkSuggestionEdits(ctx.db, ctx.edits, parts.linkEdits);
  return {
    'linkSuggestions.accept': ({ assetId, productId }) => {
      const result = edits.accept(assetId, productId);
      if (result.changed > 0) {
        ctx.bus.emit('products.changed', {});
        ctx.bus.emit('assets.changed', { catalogId: null });
      }
      return Promise.resolve({ linked: result.linked });
    },
    'linkSuggestions.reject': ({ assetId, productId }) => {
      const rejected = edits.reject(assetId, productId);
      ctx.bus.emit('products.changed', {});
      return Promise.resolve({ rejected });
    },
  };
}
