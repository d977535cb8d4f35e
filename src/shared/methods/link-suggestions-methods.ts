// Products whose SKU the OCR read in an image, suggested as links until accepted.
import { z } from 'zod';
import { type } from '../phantom-type';
import { id } from './schema-parts';
import { lazyMethods } from './lazy-methods';

const pair = z.object({ assetId: id, productId: id }).strict();

export const linkSuggestionsMethods = lazyMethods(() => ({
  /**
   * Links the asset to the product at the end of its gallery (a video or manual in its own
   * role): an undoable link edit whose undo also makes the suggestion pending again.
   * `linked` is false when it already was (edits.state names the undo step).
   */
  'linkSuggestions.accept': { args: pair, result: type<{ linked: boolean }>() },
  /** Not suggested again for this asset; not an undo step. */
  'linkSuggestions.reject': { args: pair, result: type<{ rejected: boolean }>() },
}));
