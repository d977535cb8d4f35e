import type {
  NotReadyReport,
  Product,
  Readiness,
  ReadinessReason,
} from '../../../../shared/product-dto';
import { REQUIRED_MEDIA_WORDS, ROLE_KINDS, type MediaRole } from '../../../../shared/product-dto';
import type { LinkedFile } from '../../repositories/link-repo';
import { ANY_CHANNEL } from './channel-policy';
import type { RightsBlocks } from './rights-readiness';
import {
  builtInPresetOf,
  requirementsFor,
  type ChannelRequirements,
  type PresetLookup,
} from './channel-requirements';

export type { LinkedFile };

/** Summary messages for the blockers list (per-product reasons say more). */
const BLOCKER_MESSAGES: Record<string, string> = {
  no_main: 'No main image',
  few_gallery: 'Too few gallery images',
  main_too_small: 'Main image too small for the channel',
  no_document: 'No manual (PDF) linked as document',
  no_video: 'No video linked as video',
  no_model: 'No 3D model linked as model',
  main_not_photo: 'The main image is not a photo',
  missing_file: 'A linked file is missing',
  rights_blocked: 'A linked image may not be used (rights)',
};

/**
 * Readiness of products on their channels (or on `channel` only). A variant with nothing
 * of its own in a role uses its parent's files there, as shops show the model's images;
 * it also inherits channels and type when it has none. Image minimums come from the
 * channel's presets through `presetOf` (the engine passes the user's edited presets).
 */
export function computeReadiness(
  products: readonly Product[],
  files: readonly LinkedFile[],
  channel?: string,
  presetOf: PresetLookup = builtInPresetOf,
  rights?: RightsBlocks,
): Readiness[] {
  const needs = new Map<string, ChannelRequirements>();
  const need = (ch: string): ChannelRequirements => {
    let n = needs.get(ch);
    if (!n) needs.set(ch, (n = requirementsFor(ch, presetOf)));
    return n;
  };
  const byId = new Map(products.map((p) => [p.id, p]));
  const filesOf = new Map<number, LinkedFile[]>();
  for (const f of files) {
    const list = filesOf.get(f.productId);
    if (list) list.push(f);
    else filesOf.set(f.productId, [f]);
  }
  const out: Readiness[] = [];
  for (const product of products) {
    const parent = product.parentId === null ? undefined : byId.get(product.parentId);
    const channels = product.channels.length > 0 ? product.channels : (parent?.channels ?? []);
    const type = product.productType ?? parent?.productType ?? null;
    const own = filesOf.get(product.id) ?? [];
    const inherited = (filesOf.get(parent?.id ?? -1) ?? []).filter(
      (f) => !own.some((o) => o.role === f.role),
    );
    const linked = [...own, ...inherited];
    const wanted = channel
      ? channels.includes(channel)
        ? [channel]
        : []
      : channels.length > 0
        ? channels
        : [ANY_CHANNEL];
    for (const ch of wanted) out.push(check(product, ch, need(ch), linked, type, rights));
  }
  return out;
}

function check(
  product: Product,
  channel: string,
  need: ChannelRequirements,
  linked: readonly LinkedFile[],
  type: string | null,
  rights?: RightsBlocks,
): Readiness {
  const reasons: ReadinessReason[] = [];
  let checks = 0;
  const present = linked.filter((f) => f.state !== 'missing');
  // A file counts in its role only when the role takes its kind (a video linked as main
  // is no main image; a photo linked as document is no manual).
  const fits = present.filter((f) => takes(f.role, f.kind));
  const linkedMain = present.find((f) => f.role === 'main');
  const main = fits.find((f) => f.role === 'main');

  checks++;
  if (!main && linkedMain)
    reasons.push({
      code: 'main_not_photo',
      message: `Main image ${linkedMain.name} is a ${linkedMain.kind}: main takes a photo`,
    });
  else if (!main) reasons.push({ code: 'no_main', message: 'No main image' });

  if (need.minLongSide !== null || need.minWidth !== null || need.minHeight !== null) {
    checks++;
    const small = main ? tooSmall(main, need) : null;
    if (small) reasons.push({ code: 'main_too_small', message: `Main image ${small}` });
  }

  if (need.minGallery > 0) {
    checks++;
    const gallery = fits.filter((f) => f.role === 'gallery').length;
    if (gallery < need.minGallery)
      reasons.push({
        code: 'few_gallery',
        message: `${gallery} gallery image${gallery === 1 ? '' : 's'}; ${need.label} wants at least ${need.minGallery}`,
      });
  }

  const manualWord = type ? need.manualFor.find((w) => type.toLowerCase().includes(w)) : undefined;
  if (manualWord) {
    checks++;
    if (!fits.some((f) => f.role === 'document'))
      reasons.push({
        code: 'no_document',
        message: `A ${manualWord} needs ${REQUIRED_MEDIA_WORDS.document}`,
      });
  }

  for (const wanted of need.requires) {
    if (wanted === 'document' && manualWord) continue; // asked above
    checks++;
    if (!fits.some((f) => f.role === wanted))
      reasons.push({
        code: `no_${wanted}`,
        message: `${need.label} needs ${REQUIRED_MEDIA_WORDS[wanted]}`,
      });
  }

  const gone = linked.filter((f) => f.state === 'missing');
  checks++;
  if (gone.length > 0)
    reasons.push({
      code: 'missing_file',
      message: `Missing file${gone.length === 1 ? '' : 's'}: ${gone.map((f) => f.name).join(', ')}`,
    });

  if (rights) {
    checks++;
    const blocked = present
      .filter((f) => f.role !== 'document')
      .flatMap((f) => rights(f.assetId, channel).map((m) => `${f.name}: ${m}`));
    if (blocked.length > 0) reasons.push({ code: 'rights_blocked', message: blocked.join('; ') });
  }

  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    channel,
    score: Math.round((100 * (checks - reasons.length)) / checks),
    reasons,
  };
}

/** Whether a role takes a kind of file; roles outside the board's (old data) take any. */
function takes(role: string, kind: string): boolean {
  const kinds = Object.hasOwn(ROLE_KINDS, role) ? ROLE_KINDS[role as MediaRole] : undefined;
  return kinds === undefined || (kinds as readonly string[]).includes(kind);
}

/** "640×480, Amazon needs 500 px on the longest side", or null when big enough. */
function tooSmall(main: LinkedFile, need: ChannelRequirements): string | null {
  const { width, height } = main;
  if (width === null || height === null) return 'size not known yet (still indexing?)';
  const size = `${width}×${height}`;
  if (need.minLongSide !== null && Math.max(width, height) < need.minLongSide)
    return `${size}, ${need.label} needs ${need.minLongSide} px on the longest side`;
  if (
    (need.minWidth !== null && width < need.minWidth) ||
    (need.minHeight !== null && height < need.minHeight)
  )
    return `${size}, ${need.label} needs at least ${need.minWidth ?? '–'}×${need.minHeight ?? '–'}`;
  return null;
}

/** Products not ready, with what blocks the most products first. */
export function notReady(all: readonly Readiness[]): NotReadyReport {
  const items = all.filter((r) => r.reasons.length > 0);
  const blocked = new Map<string, Set<number>>();
  for (const item of items)
    for (const reason of item.reasons)
      blocked.set(reason.code, (blocked.get(reason.code) ?? new Set()).add(item.productId));
  const blockers = [...blocked]
    .map(([code, ids]) => ({ code, message: BLOCKER_MESSAGES[code] ?? code, products: ids.size }))
    .sort((a, b) => b.products - a.products || a.code.localeCompare(b.code));
  const rank = new Map(blockers.map((b, i) => [b.code, i]));
  const worst = (r: Readiness): number => Math.min(...r.reasons.map((x) => rank.get(x.code) ?? 99));
  items.sort((a, b) => worst(a) - worst(b) || a.score - b.score || a.sku.localeCompare(b.sku));
  return { blockers, items };
}
