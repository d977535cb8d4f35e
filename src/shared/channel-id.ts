// A channel id (amazon, shopify…): a preset's `channel` and a licence's allowed channels are
// the same kind of name, so they share one pattern.
import { z } from 'zod';

export const CHANNEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const channelId = z
  .string()
  .min(1)
  .max(64)
  .regex(CHANNEL_ID_PATTERN, 'a channel id: lower-case letters, digits and dashes');
