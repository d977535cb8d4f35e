// Pre-flight's text-in-image check: a main image (link role 'main'; for a product with
// none, its first image the preset exports, which the channel shows first) in which OCR
// read words, for the channels whose rules forbid text on it (the published channel
// requirements the built-in presets follow). Pure: the export handler puts what OCR read on
// each image (pack-image-text.ts).
//
// - Amazon and bol.com forbid any text, logos and watermarks on the main image, and Amazon
//   suppresses a listing whose main image breaks it: text fails. Both allow what is
//   printed on the product itself, which OCR cannot tell from an overlay; when every word
//   read is the product's own (its brand or name), that is likely the packaging: a warning
//   that says so rather than a failure.
// - Google Merchant Center forbids promotional text and watermarks, eBay added text and
//   watermarks: text that reads as either (a percentage, a price, "sale", "©", a web
//   address…) fails; other text warns, as it is often the product's own printing; the
//   product's own words alone say nothing.
// - Not read yet (the AI job has not reached it, or the file changed since): nothing. The
//   AI analysis is optional and runs in the background; a warning on every main image
//   until it has run would bury the findings that matter.
import type { CheckResult } from '../../../../shared/export-dto';
import type { ImageCheckInput } from './check-registry';

export const TEXT_CHECK = 'text-in-image';

interface ChannelTextRule {
  /** Any text fails (not only promotional text and watermarks). */
  strict: boolean;
  rule: string;
}

const CHANNELS: Record<string, ChannelTextRule> = {
  amazon: { strict: true, rule: 'Amazon allows no text, logos or watermarks on the main image' },
  bol: { strict: true, rule: 'bol.com allows no text or logos on the main image' },
  google: { strict: false, rule: 'Google Merchant Center refuses promotional text and watermarks' },
  ebay: { strict: false, rule: 'eBay refuses added text and watermarks' },
};

const PROMOTIONAL = [
  /\d\s*%/u,
  /[$€£¥]\s*\d|\d\s*[$€£¥]/u,
  /\b(sale|discount|clearance|deals?|offer|promo|coupon|save|bogo)\b/iu,
  /\bfree\s+(shipping|delivery|gift)\b|\bbuy\s+(\d|one)\b/iu,
];
const WATERMARK = [
  /©|\(c\)|\b(copyright|watermark|sample|proof)\b/iu,
  /shutterstock|istock|getty\s*images|alamy|dreamstime|depositphotos|adobe\s*stock/iu,
  /\bwww\.|https?:|\.(com|net|org)\b/iu,
];

/** At most this many characters of what was read are quoted. */
const QUOTE = 80;

const quote = (text: string): string => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `“${flat.length > QUOTE ? `${flat.slice(0, QUOTE - 1)}…` : flat}”`;
};

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);

/** The product's brand and name words: what its own packaging would show. */
function ownWords(input: ImageCheckInput): Set<string> {
  const { product } = input;
  const brand = Object.entries(product.attributes)
    .filter(([key]) => /^(brand|manufacturer|make)$/iu.test(key))
    .map(([, value]) => value);
  return new Set(wordsOf([product.name, ...brand].join(' ')));
}

/** What kind of text it is, when it breaks a rule beyond being text. */
function kindOf(text: string): 'promotional text' | 'a watermark' | null {
  if (PROMOTIONAL.some((re) => re.test(text))) return 'promotional text';
  if (WATERMARK.some((re) => re.test(text))) return 'a watermark';
  return null;
}

/** Role main; else, when the product has no main image, the first the preset exports. */
function isMainImage({ preset, product, image }: ImageCheckInput): boolean {
  if (image.role === 'main') return true;
  if (product.images.some((i) => i.role === 'main')) return false;
  return product.images.find((i) => preset.roles.includes(i.role)) === image;
}

export function textInImage(input: ImageCheckInput): CheckResult | null {
  const { preset, image } = input;
  const channel = Object.hasOwn(CHANNELS, preset.channel) ? CHANNELS[preset.channel] : undefined;
  if (!channel || !isMainImage(input)) return null;
  const text = image.ocrText?.trim();
  if (!text) return null; // not read yet, or no text
  const own = ownWords(input);
  const onlyOwn = wordsOf(text).every((w) => own.has(w));
  const kind = kindOf(text);
  const said = `text in the image: ${quote(text)}`;
  if (kind)
    return {
      check: TEXT_CHECK,
      level: 'fail',
      reason: `${kind} in the image: ${quote(text)}; ${channel.rule}`,
    };
  if (onlyOwn)
    return channel.strict
      ? {
          check: TEXT_CHECK,
          level: 'warn',
          reason: `${said}, the product’s own name or brand: fine when printed on the product, not when added (${channel.rule})`,
        }
      : null;
  return channel.strict
    ? { check: TEXT_CHECK, level: 'fail', reason: `${said}; ${channel.rule}` }
    : {
        check: TEXT_CHECK,
        level: 'warn',
        reason: `${said}; ${channel.rule}: fine when printed on the product`,
      };
}
