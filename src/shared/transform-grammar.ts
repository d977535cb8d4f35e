// The rendition URL's transform language (`/api/v1/render/{assetId}/{transform}.{ext}`):
// comma-separated `key_value` pairs, Cloudinary-like. Pure: parse (refusing anything odd with
// a message fit for a 400), normalise (one canonical order, defaults dropped, so equivalent
// URLs share one cache entry), format back, and pick a format from an Accept header.

export const TRANSFORM_MAX_LENGTH = 256;
export const MAX_SIDE = 8192;

export type CropMode = 'fill' | 'fit' | 'pad';
export type Gravity = 'auto' | 'focal' | 'center';
export type TransformFormat = 'jpeg' | 'webp' | 'avif' | 'png';

export interface Transform {
  width: number | null;
  height: number | null;
  crop: CropMode | null;
  gravity: Gravity | null;
  /** '#rrggbb' or 'transparent'. */
  background: string | null;
  quality: number | null;
  format: TransformFormat | 'auto' | null;
  preset: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Without `p_`, these are what an absent key means; with a preset, the preset decides. */
export const TRANSFORM_DEFAULTS = {
  crop: 'fit',
  gravity: 'auto',
  background: '#ffffff',
  quality: 80,
} as const;

const CROPS: readonly CropMode[] = ['fill', 'fit', 'pad'];
const GRAVITIES: readonly Gravity[] = ['auto', 'focal', 'center'];
const FORMATS: readonly (TransformFormat | 'auto')[] = ['auto', 'jpeg', 'webp', 'avif', 'png'];
const NAMED_COLOURS: Record<string, string> = { white: '#ffffff', black: '#000000' };
const EXTENSIONS: Record<string, TransformFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  avif: 'avif',
  png: 'png',
};
/** Canonical order of keys in a formatted transform. */
const ORDER = ['p', 'w', 'h', 'c', 'g', 'b', 'q', 'f'] as const;
type Key = (typeof ORDER)[number];
const KEY_NAMES: Record<Key, string> = {
  p: 'preset',
  w: 'width',
  h: 'height',
  c: 'crop',
  g: 'gravity',
  b: 'background',
  q: 'quality',
  f: 'format',
};

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function emptyTransform(): Transform {
  return {
    width: null,
    height: null,
    crop: null,
    gravity: null,
    background: null,
    quality: null,
    format: null,
    preset: null,
  };
}

/** `w_800,h_800,c_fill,…` → a Transform, or the first thing wrong with it. */
export function parseTransform(text: string): Parsed<Transform> {
  if (text.length === 0) return fail('the transform is empty (e.g. w_800,f_webp)');
  if (text.length > TRANSFORM_MAX_LENGTH)
    return fail(`the transform is longer than ${TRANSFORM_MAX_LENGTH} characters`);
  if (!/^[a-z0-9_,-]+$/.test(text))
    return fail('a transform has only lower-case letters, digits, "_", "-" and ","');
  const t = emptyTransform();
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const m = /^([a-z])_(.+)$/.exec(part);
    if (!m) return fail(`"${clip(part)}" is not key_value (e.g. w_800)`);
    const [, key = '', value = ''] = m;
    if (!(ORDER as readonly string[]).includes(key))
      return fail(`unknown key "${key}_" (known: ${ORDER.map((k) => `${k}_`).join(' ')})`);
    if (seen.has(key)) return fail(`"${key}_" is given twice`);
    seen.add(key);
    const error = setKey(t, key as Key, value);
    if (error) return fail(error);
  }
  return { ok: true, value: t };
}

function setKey(t: Transform, key: Key, value: string): string | null {
  const bad = (allowed: string): string =>
    `${KEY_NAMES[key]} "${key}_${clip(value)}" is not ${allowed}`;
  switch (key) {
    case 'w':
    case 'h': {
      const n = wholeNumber(value);
      if (n === null || n < 1 || n > MAX_SIDE) return bad(`a whole number 1–${MAX_SIDE}`);
      if (key === 'w') t.width = n;
      else t.height = n;
      return null;
    }
    case 'q': {
      const n = wholeNumber(value);
      if (n === null || n < 1 || n > 100) return bad('a whole number 1–100');
      t.quality = n;
      return null;
    }
    case 'c':
      if (!(CROPS as readonly string[]).includes(value)) return bad(CROPS.join(', '));
      t.crop = value as CropMode;
      return null;
    case 'g':
      if (!(GRAVITIES as readonly string[]).includes(value)) return bad(GRAVITIES.join(', '));
      t.gravity = value as Gravity;
      return null;
    case 'f':
      if (!(FORMATS as readonly string[]).includes(value)) return bad(FORMATS.join(', '));
      t.format = value as Transform['format'];
      return null;
    case 'b': {
      const colour =
        NAMED_COLOURS[value] ??
        (value === 'transparent' ? value : /^[0-9a-f]{6}$/.test(value) ? `#${value}` : null);
      if (colour === null) return bad('white, black, transparent or 6 hex digits');
      t.background = colour;
      return null;
    }
    case 'p':
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(value)) return bad('a preset id');
      t.preset = value;
      return null;
  }
}

/** Digits only, at most 5 of them (leading zeros allowed: they normalise away). */
function wholeNumber(value: string): number | null {
  return /^[0-9]{1,5}$/.test(value) ? Number(value) : null;
}

/**
 * One canonical form per meaning. Without a preset, values equal to the defaults are dropped
 * and gravity goes unless the crop fills (only `c_fill` crops). With a preset every given
 * value stays: it overrides the preset's own, which this pure module does not know.
 */
export function normaliseTransform(t: Transform): Transform {
  const out = { ...t };
  if (out.preset !== null) return out;
  if (out.crop === TRANSFORM_DEFAULTS.crop) out.crop = null;
  if (out.crop !== 'fill' || out.gravity === TRANSFORM_DEFAULTS.gravity) out.gravity = null;
  if (out.background === TRANSFORM_DEFAULTS.background) out.background = null;
  if (out.quality === TRANSFORM_DEFAULTS.quality) out.quality = null;
  return out;
}

/** The transform in canonical key order (normalise first for the canonical text). */
export function formatTransform(t: Transform): string {
  const value: Record<Key, string | null> = {
    p: t.preset,
    w: t.width === null ? null : String(t.width),
    h: t.height === null ? null : String(t.height),
    c: t.crop,
    g: t.gravity,
    b: t.background === null ? null : colourWord(t.background),
    q: t.quality === null ? null : String(t.quality),
    f: t.format,
  };
  return ORDER.filter((k) => value[k] !== null)
    .map((k) => `${k}_${value[k]}`)
    .join(',');
}

function colourWord(colour: string): string {
  const named = Object.entries(NAMED_COLOURS).find(([, hex]) => hex === colour);
  return named ? named[0] : colour.replace(/^#/, '');
}

export interface RenditionPath {
  assetId: number;
  /** Normalised; its format is the extension's unless `f_auto`. */
  transform: Transform;
  /** The canonical text of the normalised transform (the cache key's part). */
  canonical: string;
}

/**
 * `{assetId}/{transform}.{ext}` (the path after `/api/v1/render/`). The extension must
 * agree with `f_` unless it is `f_auto`; without `f_`, the extension names the format.
 */
export function parseRenditionPath(rest: string): Parsed<RenditionPath> {
  if (rest.length > TRANSFORM_MAX_LENGTH + 40) return fail('the rendition path is too long');
  const m = /^([0-9]{1,12})\/([^/]+)\.([a-z]+)$/.exec(rest);
  if (!m) return fail('a rendition path is {assetId}/{transform}.{ext}, e.g. 42/w_800,f_webp.webp');
  const [, id = '', text = '', ext = ''] = m;
  const assetId = Number(id);
  if (!Number.isSafeInteger(assetId) || assetId < 1) return fail(`"${id}" is not an asset id`);
  const byExt = EXTENSIONS[ext];
  if (!byExt) return fail(`".${clip(ext)}" is not one of .jpg .jpeg .webp .avif .png`);
  const parsed = parseTransform(text);
  if (!parsed.ok) return parsed;
  const t = parsed.value;
  if (t.format !== null && t.format !== 'auto' && t.format !== byExt)
    return fail(`the extension .${ext} disagrees with f_${t.format}`);
  if (t.format === null) t.format = byExt;
  const transform = normaliseTransform(t);
  return { ok: true, value: { assetId, transform, canonical: formatTransform(transform) } };
}

/**
 * `f_auto`: AVIF, else WebP, else JPEG, by what the Accept header lists (a type with q=0 is
 * refused, `image/*` and `*\/*` accept only JPEG: browsers send them with no promise).
 */
export function pickFormat(accept: string | undefined): TransformFormat {
  const accepted = new Set<string>();
  for (const item of (accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...params] = item.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(type);
  }
  if (accepted.has('image/avif')) return 'avif';
  if (accepted.has('image/webp')) return 'webp';
  return 'jpeg';
}
