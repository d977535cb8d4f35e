// What each sales channel needs before a product can be listed there. Sizes are the published
// minimums from /work/shared/channels.md (checked 2026); gallery counts and manual types are
// Packshot's choices, said below. Channel-pack presets will later fill this table.

export interface ChannelRequirements {
  label: string;
  /** The main image's longest side must be at least this (px), or null when not published. */
  minLongestSide: number | null;
  /** Or both sides at least this (px), for channels that publish width × height. */
  minWidth: number | null;
  minHeight: number | null;
  /** Images in the gallery (beside the main one). */
  minGallery: number;
  /** Product types (words matched in the product's type) that need a manual or datasheet. */
  manualFor: readonly string[];
}

/** Product types whose buyers (and EU rules on safety information) expect a manual. */
const MANUAL_TYPES = ['appliance', 'electronics', 'tool', 'machine', 'power tool'] as const;

/**
 * Gallery minimums: marketplaces where buyers cannot touch the product and compare several
 * sellers (Amazon, Etsy, Zalando) get 2 extra views; shops and eBay 1; feeds that only use
 * the main image (Google Shopping, Instagram) none.
 */
export const CHANNEL_REQUIREMENTS: Readonly<Record<string, ChannelRequirements>> = {
  amazon: req('Amazon', { longest: 500, gallery: 2 }),
  shopify: req('Shopify', { gallery: 1 }),
  google: req('Google Shopping', { width: 100, height: 100, gallery: 0 }),
  ebay: req('eBay', { longest: 500, gallery: 1 }),
  etsy: req('Etsy', { width: 635, gallery: 2 }),
  bol: req('bol.com', { width: 500, height: 500, gallery: 1 }),
  zalando: req('Zalando', { width: 762, height: 1100, gallery: 2 }),
  instagram: req('Instagram', { width: 320, gallery: 0 }),
  woocommerce: req('WooCommerce', { gallery: 1 }),
  web: req('Web shop', { gallery: 1 }),
};

/** A product on no channel is checked against this: a main image and one more view. */
export const ANY_CHANNEL = 'any';
const BASELINE = req('Any channel', { gallery: 1 });

/** The requirements of a channel id; unknown ids (custom channels) get the baseline. */
export function requirementsFor(channel: string): ChannelRequirements {
  return CHANNEL_REQUIREMENTS[channel] ?? { ...BASELINE, label: channel };
}

function req(
  label: string,
  o: { longest?: number; width?: number; height?: number; gallery: number },
): ChannelRequirements {
  return {
    label,
    minLongestSide: o.longest ?? null,
    minWidth: o.width ?? null,
    minHeight: o.height ?? null,
    minGallery: o.gallery,
    manualFor: MANUAL_TYPES,
  };
}
