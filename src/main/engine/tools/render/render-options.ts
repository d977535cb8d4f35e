// Everything that shapes one output file: the preset's rendition with the asset's overrides
// and focal point applied. Its hash, with the source's hash, is the rendition's identity
// in a pack's manifest: same key, same bytes, nothing to render.
import { createHash } from 'node:crypto';
import {
  WHITE_BACKGROUND_DEFAULTS,
  type WhiteBackgroundOptions,
} from '../../analysis/white-background';
import type { LicenceMeta } from './licence-xmp';
import type { MetadataPolicy, Rendition, RenditionOverride } from '../../../../shared/export-dto';

/** Bump when the renderer's output changes for the same options (re-renders every pack). */
export const RENDER_VERSION = 1;

export interface RenderOptions extends Omit<Rendition, 'key' | 'whiteBackground' | 'keepShadow'> {
  metadata: MetadataPolicy;
  /** Smallest file the channel accepts (bol.com: 30 KB); quality is raised to reach it. */
  minBytes: number | null;
  focus: { x: number; y: number } | null;
  /** The asset's licences for the file's XMP; absent when it has none (keys stay as before). */
  licence?: LicenceMeta;
  /** Make a near-white backdrop pure white first; absent when off (keys stay as before). */
  whiteBackground?: WhiteBackgroundOptions;
}

/** The preset's rendition, then the override for every preset, then the one for this preset. */
export function renderOptions(
  rendition: Rendition,
  metadata: MetadataPolicy,
  minBytes: number | null,
  focus: { x: number; y: number } | null,
  overrides: readonly RenditionOverride[],
): RenderOptions {
  const { key: _key, whiteBackground: _mode, keepShadow: _shadow, ...base } = rendition;
  const options: RenderOptions = { ...base, metadata, minBytes, focus };
  const ordered = [...overrides].sort((a, b) =>
    a.presetId === null ? -1 : b.presetId === null ? 1 : 0,
  );
  for (const o of ordered) {
    if (o.fit !== undefined) options.fit = o.fit;
    if (o.crop !== undefined) options.crop = o.crop;
    if (o.trim !== undefined) options.trim = o.trim;
    if (o.productFill !== undefined) options.productFill = o.productFill;
    if (o.background !== undefined) options.background = o.background;
    if (o.quality !== undefined) options.quality = o.quality;
  }
  // A box with one free side cannot be covered or padded: keep the image's own shape.
  if (options.width === null || options.height === null) options.fit = 'inside';
  return options;
}

/**
 * 'auto' cleans a source whose border the index found mostly near-white (a.white_bg, the
 * share of the thumbnail's border band at 240 or lighter): a studio shot, not a scene.
 */
export const AUTO_WHITE_BACKGROUND = 0.5;

/** What indexing found of a source's border (PackImage has these). */
export interface IndexedBorder {
  /** The grid thumbnail's border band opaque pure white all round; null: not measured. */
  pureWhiteBorder: boolean | null;
  width: number | null;
  height: number | null;
}

/**
 * Largest source side whose thumbnail's pure-white band stands for its own border: a
 * thumbnail pixel then averages at most 8 × 8 source pixels (THUMB_PX is 320).
 */
export const PURE_BORDER_MAX_SIDE = 8 * 320;

/**
 * The white-background pass a rendition asks for on a source with this white_bg (null: not
 * analysed, or not known, as for renditions by URL), or null for none.
 *
 * A backdrop already pure white is left as it is by the pass, which finds that from the
 * full-size border after a decode. `border` lets the plan find it with no decode, only
 * where skipping the pass changes nothing one can see. A thumbnail pixel averages the
 * source pixels under it and rounds, so a band all 255 can hide a faint line or a speck at
 * the very edge; the pass, run, seeds from those, so its backdrop reference drops and it
 * lifts what it reaches by as much. Measured (pure-white-band.test.ts): up to 2560 px a
 * side, what the band hid made it lift the backdrop and shadow by at most 8 levels (and
 * whiten the speck itself); at 6000 px a speck of 170 hid and the lift was 19: such
 * sources keep the decode. Without keepShadow the pass would erase a shadow instead of
 * lifting it: then it always runs. Null (an older index): the render decodes and looks.
 * Off here, the pass is out of the render key too: key, pre-flight and file agree.
 */
export function whiteBackgroundFor(
  rendition: Pick<Rendition, 'whiteBackground' | 'keepShadow'>,
  whiteBg: number | null,
  border: IndexedBorder | null = null,
): WhiteBackgroundOptions | null {
  const mode = rendition.whiteBackground ?? 'off';
  if (mode === 'off') return null;
  if (mode === 'auto' && (whiteBg === null || whiteBg < AUTO_WHITE_BACKGROUND)) return null;
  const keepShadow = rendition.keepShadow ?? WHITE_BACKGROUND_DEFAULTS.keepShadow;
  if (keepShadow && border && knownPureWhite(border)) return null;
  return { ...WHITE_BACKGROUND_DEFAULTS, keepShadow };
}

function knownPureWhite(b: IndexedBorder): boolean {
  if (b.pureWhiteBorder !== true || b.width === null || b.height === null) return false;
  return Math.max(b.width, b.height) <= PURE_BORDER_MAX_SIDE;
}

export function renderKey(sourceHash: string, options: RenderOptions): string {
  const canonical = `[${RENDER_VERSION},${JSON.stringify(sourceHash)},${canonicalOptions(options)}]`;
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/**
 * canonicalJson of the options, remembered by their plain JSON text: a pack's files share a
 * few sets of options (a preset's renditions, the same focus), and that text, written by
 * the engine's native JSON.stringify, takes a fraction of the walk. For plain data the text
 * decides the canonical form (the same values; only the keys' order differs, which the walk
 * sorts), so the key is the same as without the memo.
 */
const canonicalByText = new Map<string, string>();
const CANONICAL_MEMO_SIZE = 1024;

function canonicalOptions(options: RenderOptions): string {
  const text = JSON.stringify(options);
  let canonical = canonicalByText.get(text);
  if (canonical === undefined) {
    canonical = canonicalJson(options);
    if (canonicalByText.size >= CANONICAL_MEMO_SIZE) canonicalByText.clear();
    canonicalByText.set(text, canonical);
  }
  return canonical;
}

/**
 * JSON.stringify of the value with every object's keys sorted, written in one walk: the
 * same text as sorting into new objects and then stringifying (render keys already in
 * manifests stay the same), without those copies (a fifth of planning a 6,000-file pack).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (isSkipped(v) ? 'null' : canonicalJson(v))).join(',')}]`;
  // Any other object is walked as a plain one (as the copies were), never its toJSON.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of keyOrder(Object.keys(record).sort())) {
    const v = record[k];
    if (!isSkipped(v)) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The order a new object built with these (sorted) keys lists them in: array-index keys
 * first, in numeric order, then the rest as inserted. Options have none; kept exact anyway.
 */
function keyOrder(keys: string[]): string[] {
  const index = (k: string): boolean =>
    k.charCodeAt(0) <= 57 && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
  if (!keys.some(index)) return keys;
  const indices = keys.filter(index).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !index(k))];
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
