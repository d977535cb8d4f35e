// Readiness policy: what Packshot itself asks of a product per sales channel, beside the
// channel's published image rules (those live only in the export presets, see
// channel-requirements.ts). Gallery counts and manual types are Packshot's choices, not a
// channel's rules, so export never checks them and no preset carries them.

export interface ChannelPolicy {
  label: string;
  /**
   * The presets whose rules are this channel's image minimums, by id (the user's edit of a
   * built-in preset counts: it is what export will check). Explicit, so a user's own preset
   * that happens to name the channel does not silently change readiness.
   */
  presetIds: readonly string[];
  /** Images in the gallery (beside the main one). */
  minGallery: number;
}

/** Product types (words matched in the product's type) that need a manual or datasheet. */
export const MANUAL_TYPES: readonly string[] = [
  'appliance',
  'electronics',
  'tool',
  'machine',
  'power tool',
];

/**
 * Gallery minimums: marketplaces where buyers cannot touch the product and compare several
 * sellers (Amazon, Etsy, Zalando) get 2 extra views; shops and eBay 1; feeds that only use
 * the main image (Google Shopping, Instagram) none.
 */
export const CHANNEL_POLICY: Readonly<Record<string, ChannelPolicy>> = {
  amazon: policy('Amazon', ['amazon-main', 'amazon-additional'], 2),
  shopify: policy('Shopify', ['shopify'], 1),
  google: policy('Google Shopping', ['google'], 0),
  ebay: policy('eBay', ['ebay'], 1),
  etsy: policy('Etsy', ['etsy'], 2),
  bol: policy('bol.com', ['bol'], 1),
  zalando: policy('Zalando', ['zalando'], 2),
  instagram: policy('Instagram', ['instagram-square', 'instagram-portrait'], 0),
  woocommerce: policy('WooCommerce', ['woocommerce'], 1),
  web: policy('Web shop', ['web'], 1),
};

/** A product on no channel is checked against this: a main image and one more view. */
export const ANY_CHANNEL = 'any';

/** The policy of a channel id; unknown ids (custom channels) get the baseline, no presets. */
export function policyFor(channel: string): ChannelPolicy {
  return (
    CHANNEL_POLICY[channel] ?? policy(channel === ANY_CHANNEL ? 'Any channel' : channel, [], 1)
  );
}

function policy(label: string, presetIds: readonly string[], minGallery: number): ChannelPolicy {
  return { label, presetIds, minGallery };
}
