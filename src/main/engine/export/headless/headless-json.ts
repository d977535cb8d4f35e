// One product's JSON in a static headless pack, from the files planned for it and what the
// pack's manifest says landed (actual sizes). Pure: reads nothing. A file that did not land
// (blocked, failed) is left out; an item with nothing landed is listed as withheld.
import type { ChannelPreset, OutputFormat } from '../../../../shared/export-dto';
import type { HeadlessRules } from '../../../../shared/headless-rules';
import type {
  HeadlessDocument,
  HeadlessImage,
  HeadlessModel,
  HeadlessProduct,
  HeadlessSpin,
  HeadlessVideo,
} from '../../../../shared/headless-pack-schema';
import { altText, creditLine, licenceEnd } from '../../../../shared/media-text';
import type { PackEntry } from '../pack/manifest';
import type { PlannedFile } from '../pack/plan-pack';
import type { PackProduct } from '../pack-source';

export interface ProductJsonInput {
  preset: ChannelPreset;
  rules: HeadlessRules;
  product: PackProduct;
  /** The files planned for this product and preset (shared ones included). */
  refs: readonly PlannedFile[];
  entries: ReadonlyMap<string, PackEntry>;
  /** Prefix of every URL: the export's base URL with a trailing '/', or '/'. */
  base: string;
}

const MIME: Record<OutputFormat, (typeof IMAGE_ORDER)[number]> = {
  avif: 'image/avif',
  webp: 'image/webp',
  png: 'image/png',
  jpeg: 'image/jpeg',
};
/** <source> order: the smallest files first, the browser takes the first it decodes. */
const IMAGE_ORDER = ['image/avif', 'image/webp', 'image/png', 'image/jpeg'] as const;
const VIDEO_MIME: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

export function productJson(input: ProductJsonInput): HeadlessProduct {
  const { product, refs } = input;
  const out: HeadlessProduct = {
    packshot: 1,
    sku: product.sku,
    name: product.name,
    updatedAt: product.updatedAt === undefined ? null : new Date(product.updatedAt).toISOString(),
    images: [],
    videos: [],
    models: [],
    spins: [],
    documents: [],
    withheld: [],
  };
  for (const group of byItem(refs)) {
    const first = group[0]!;
    const landed = group
      .map((f) => ({ f, e: input.entries.get(f.path) }))
      .filter((x): x is { f: PlannedFile; e: PackEntry } => x.e?.renderKey === x.f.renderKey);
    const shown = first.spin?.cover ?? first.image; // a spin is shown as its cover
    const where = { role: shown.role, position: first.position };
    // A spin goes out without its blocked frames; anything else is withheld when blocked.
    const kept = first.spin ? landed.filter((x) => x.f.blocked.length === 0) : landed;
    const blocked = first.spin
      ? group.every((f) => f.blocked.length > 0)
      : first.blocked.length > 0;
    if (blocked || kept.length === 0) {
      out.withheld.push({ ...where, reason: blocked ? 'rights' : 'not_written' });
      continue;
    }
    const licences = shown.rights?.facts.licences ?? [];
    const text = shown.text ?? { title: null, description: null, placeholder: null };
    const published = {
      ...where,
      // The link's own place within its role (as the API numbers it), not the pack's number.
      alt: altText(text, product.name, product.sku, where.role, shown.position),
      credit: creditLine(licences),
      licenceEnd: licenceEnd(licences),
    };
    const url = (e: PackEntry): string => `${input.base}${e.file}`;
    if (first.spin) {
      const frames = kept.sort((a, b) => a.f.spin!.frame - b.f.spin!.frame).map((x) => x.e);
      const spin: HeadlessSpin = {
        ...published,
        width: Math.max(1, frames[0]!.width),
        height: Math.max(1, frames[0]!.height),
        frames: frames.map(url),
      };
      out.spins.push(spin);
    } else if (first.video) {
      const video = landed.find((x) => x.f.video?.part === 'video');
      const poster = landed.find((x) => x.f.video?.part === 'poster');
      if (!video) {
        out.withheld.push({ ...where, reason: 'not_written' });
        continue;
      }
      out.videos.push(videoOf(published, video.e, poster ? url(poster.e) : null, url));
    } else if (first.model) {
      const of = (ext: string) => landed.find((x) => x.e.file.endsWith(`.${ext}`))?.e;
      const glb = of('glb');
      const usdz = of('usdz');
      const model: HeadlessModel = {
        ...published,
        glb: glb ? url(glb) : null,
        usdz: usdz ? url(usdz) : null,
        triangles: (glb ?? usdz)?.triangles ?? null,
      };
      out.models.push(model);
    } else if (first.document) {
      const e = landed[0]!.e;
      const doc: HeadlessDocument = {
        ...published,
        src: url(e),
        mime: 'application/pdf',
        bytes: e.bytes,
        pages: e.pages ?? null,
      };
      out.documents.push(doc);
    } else {
      out.images.push(imageOf(input, published, text.placeholder, landed, url));
    }
  }
  return out;
}

type Published = Pick<HeadlessImage, 'role' | 'position' | 'alt' | 'credit' | 'licenceEnd'>;

function imageOf(
  input: ProductJsonInput,
  published: Published,
  placeholder: string | null,
  landed: readonly { f: PlannedFile; e: PackEntry }[],
  url: (e: PackEntry) => string,
): HeadlessImage {
  const byType = new Map<string, PackEntry[]>();
  for (const { f, e } of landed) {
    const type = MIME[f.options.format];
    byType.set(type, [...(byType.get(type) ?? []), e]);
  }
  for (const list of byType.values()) list.sort((a, b) => a.width - b.width);
  // The fallback format when it landed, else the most widely decoded one that did.
  const wanted = MIME[input.rules.fallback];
  const fallback = byType.has(wanted)
    ? wanted
    : [...IMAGE_ORDER].reverse().find((t) => byType.has(t))!;
  const srcset = (list: readonly PackEntry[]): string =>
    list.map((e) => `${url(e)} ${e.width}w`).join(', ');
  const main = byType.get(fallback)!;
  const largest = main[main.length - 1]!;
  return {
    ...published,
    width: largest.width,
    height: largest.height,
    placeholder,
    src: url(largest),
    srcset: srcset(main),
    sizes: input.rules.sizes,
    sources: IMAGE_ORDER.filter((t) => t !== fallback && byType.has(t)).map((type) => ({
      type,
      srcset: srcset(byType.get(type)!),
    })),
  };
}

function videoOf(
  published: Published,
  e: PackEntry,
  poster: string | null,
  url: (e: PackEntry) => string,
): HeadlessVideo {
  const ext = e.file.slice(e.file.lastIndexOf('.') + 1);
  return {
    ...published,
    src: url(e),
    poster,
    width: Math.max(1, e.width),
    height: Math.max(1, e.height),
    durationMs: Math.round(e.durationMs ?? 0),
    mime: VIDEO_MIME[ext] ?? 'video/mp4',
  };
}

/** The planned files grouped by the linked item they show (an image's renditions, a
 *  video and its poster, a model's GLB and USDZ), in plan order. */
function byItem(refs: readonly PlannedFile[]): PlannedFile[][] {
  const groups = new Map<string, PlannedFile[]>();
  for (const f of refs) {
    const kind = f.video ? 'video' : f.model ? 'model' : f.document ? 'document' : 'image';
    const key = f.spin
      ? `spin:${f.spin.cover.assetId}:${f.position}`
      : `${kind}:${f.image.assetId}:${f.image.role}:${f.position}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}
