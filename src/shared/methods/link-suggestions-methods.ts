// Products whose SKU the OCR read in an image, suggested as links until accepted.
import { z } from 'zod';
import { type } from '../phantom-type';
import { id } from './schema-parts';

const pair = z.object({ assetId: id, productId: id }).strict();

export const linkSuggestionsMethods = {
  /** Links the asset to the product (an undoable link edit). */
  'linkSuggestions.accept': { args: pair, result: type<{ linked: boolean }>() },
  'linkSuggestions.reject': { args: pair, result: type<{ rejected: boolean }>() },
} as const;
