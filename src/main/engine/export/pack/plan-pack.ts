// The plan of a pack: for each preset × product × image × rendition, the options, the
// render key, the file's path in the pack and what pre-flight found. Pure: reads nothing.
import type {
  ChannelPreset,
  CheckLevel,
  CheckResult,
  PreflightItem,
  Rendition,
  RenditionOverride,
} from '../../../../shared/export-dto';
import { renderPath } from '../../../../shared/naming/name-template';
import { MAX_SEGMENT_BYTES, truncateBytes } from '../../../../shared/naming/sanitize-name';
import { displaySize, type PackImage, type PackProduct } from '../pack-source';
import type { CheckRegistry } from '../preflight/check-registry';
import { RIGHTS_CHECK } from '../preflight/rights-check';
import { EXTENSIONS } from '../../tools/render/render-rendition';
import { plannedSize } from '../../tools/render/planned-size';
import { licenceMeta, writesLicence, type LicenceMeta } from '../../tools/render/licence-xmp';
import {
  renderKey,
  renderOptions,
  whiteBackgroundFor,
  type RenderOptions,
} from '../../tools/render/render-options';
import { planVideos, type VideoJob } from './plan-videos';
import { preflightItem, worst } from './preflight-item';
import { planModel, type PlannedModel } from './plan-model';
import { planDocuments, type DocumentJob } from './plan-documents';
import { nameHeadlessFiles } from '../headless/headless-names';
import { planSpins } from '../headless/plan-spins';

export interface PlannedFile {
  /** Relative to the pack, '/'-separated; unique in the plan (case-insensitively). */
  path: string;
  preset: ChannelPreset;
  product: PackProduct;
  image: PackImage;
  position: number;
  rendition: Rendition;
  options: RenderOptions;
  /** Null when the source has no hash yet (pre-flight fails it). */
  renderKey: string | null;
  level: CheckLevel;
  /** Pre-flight findings that are not a pass, as 'check: reason'. */
  findings: string[];
  /** Rights blocks: never written, whatever the failure policy (README "Rights"). */
  blocked: string[];
  /** A video or its poster (plan-videos.ts): copied or made by ffmpeg, not rendered. */
  video?: VideoJob;
  /** A 3D model's GLB or USDZ (preset section `model`); absent for a photo's rendition. */
  model?: PlannedModel;
  /** A manual (preset section `document`): copied as it is, like a compliant video. */
  document?: DocumentJob;
  /** A 360° spin's frame (static headless pack): the spin's cover and the frame's place. */
  spin?: { cover: PackImage; frame: number };
}

export interface PackPlan {
  presets: ChannelPreset[];
  products: PackProduct[];
  items: PreflightItem[];
  files: PlannedFile[];
  /** A static headless pack's files as each product refers to them (one file may serve two). */
  headless?: PlannedFile[];
}

export function planPack(
  presets: readonly ChannelPreset[],
  products: readonly PackProduct[],
  overrides: Map<number, RenditionOverride[]>,
  checks: CheckRegistry,
): PackPlan {
  const items: PreflightItem[] = [];
  const files: PlannedFile[] = [];
  // One payload per set of licences, not one per preset per image.
  const metas = new Map<string, LicenceMeta | null>();
  const licenceOf = (image: PackImage): LicenceMeta | null => {
    const ls = image.rights?.facts.licences ?? [];
    const key = ls.map((l) => l.id).join(',');
    if (!metas.has(key)) metas.set(key, licenceMeta(ls));
    return metas.get(key) ?? null;
  };
  for (const preset of presets) {
    for (const product of products) {
      if (!sellsOn(product, preset)) continue;
      const overridesFor = (img: PackImage): RenditionOverride[] =>
        (overrides.get(img.assetId) ?? []).filter(
          (o) => o.presetId === null || o.presetId === preset.id,
        );
      const eligible = product.images.filter(
        (img) =>
          preset.roles.includes(img.role) &&
          !(preset.video && img.role === 'video') && // planned as videos below
          !(preset.document && img.role === 'document') && // and as manuals
          !(preset.headless && img.role === 'spin') && // and as spins' frames
          !overridesFor(img).some((o) => o.exclude),
      );
      // A model-only preset (amazon-3d) leaves out a product with no model: models are optional.
      if (eligible.length === 0 && preset.roles.every((r) => r === 'model')) continue;
      // Models go their own way when the preset has model rules, after the photos.
      const modelRules = preset.model ?? null;
      const models = modelRules ? eligible.filter((img) => img.role === 'model') : [];
      const photos = eligible.filter((img) => !models.includes(img));
      const max = preset.rules.maxImages ?? Infinity;
      const images = photos.slice(0, max);
      const productFindings = checks.runProduct({
        preset,
        product,
        images: [...images, ...models],
        dropped: photos.slice(images.length),
      });
      if (productFindings.length > 0) {
        items.push({
          productId: product.id,
          sku: product.sku,
          presetId: preset.id,
          channel: preset.channel,
          assetId: null,
          assetName: null,
          role: null,
          position: null,
          level: worst(productFindings),
          checks: productFindings,
        });
      }
      // A product-level failure (nothing to export) has no images; warnings pass down.
      const inherited = productFindings.filter((f) => f.level !== 'pass');
      images.forEach((image, index) => {
        const position = index + 1;
        const size = displaySize(image);
        const licence = licenceOf(image);
        const renditions = preset.renditions.map((rendition) => {
          const options = renderOptions(
            rendition,
            preset.metadata,
            preset.rules.minBytes,
            image.focus,
            overridesFor(image),
          );
          // Only where it is written: a licence change elsewhere re-renders nothing.
          if (licence && writesLicence(options.metadata, licence)) options.licence = licence;
          const whiteBackground = whiteBackgroundFor(rendition, image.whiteBg, image);
          if (whiteBackground) options.whiteBackground = whiteBackground;
          return { rendition, options, size: size ? plannedSize(size, options) : null };
        });
        const found = checks.runImage({ preset, product, image, renditions });
        const all: CheckResult[] = [...inherited.filter((f) => f.level === 'warn'), ...found];
        const item = preflightItem({ preset, product, image, position }, all);
        const level = item.level;
        items.push(item);
        for (const { rendition, options } of renditions) {
          files.push({
            path: renderPath(preset.naming.folder, preset.naming.file, {
              sku: product.sku,
              name: product.name,
              position,
              role: image.role,
              channel: preset.channel,
              preset: preset.id,
              key: rendition.key,
              width: rendition.width,
              height: rendition.height,
              ext: EXTENSIONS[options.format],
              parent: product.parentSku ?? '',
              asset: stem(image.name),
              attributes: product.attributes,
            }),
            preset,
            product,
            image,
            position,
            rendition,
            options,
            renderKey: image.hash ? renderKey(image.hash, options) : null,
            level,
            findings: all.filter((f) => f.level !== 'pass').map((f) => `${f.check}: ${f.reason}`),
            blocked: found
              .filter((f) => f.check === RIGHTS_CHECK && f.level === 'fail')
              .map((f) => f.reason),
          });
        }
      });
      const excluded = (img: PackImage): boolean => overridesFor(img).some((o) => o.exclude);
      for (const media of [
        planVideos(preset, product, excluded),
        planDocuments(preset, product, excluded),
        planSpins(preset, product, excluded),
      ]) {
        items.push(...media.items);
        files.push(...media.files);
      }
      models.forEach((image, i) => {
        if (!modelRules) return;
        const planned = planModel(
          preset,
          modelRules,
          product,
          image,
          images.length + i + 1,
          inherited,
        );
        items.push(planned.item);
        files.push(...planned.files);
      });
    }
  }
  const named = nameHeadlessFiles(files); // media/<key>-<width>.<ext>: one file per name
  resolveCollisions(named.files);
  const headless = named.refs.length > 0 ? { headless: named.refs } : {};
  return { presets: [...presets], products: [...products], items, files: named.files, ...headless };
}

/** A product with no channels sells on every one; else on those it names (channel or preset). */
export function sellsOn(product: PackProduct, preset: ChannelPreset): boolean {
  const wanted = product.channels.map((c) => c.toLowerCase());
  return wanted.length === 0 || wanted.includes(preset.channel) || wanted.includes(preset.id);
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Two planned files with one name (case-insensitively, as on Windows and macOS): the first
 * in a fixed order (preset, SKU, position, rendition, asset) keeps it, the next get -2, -3…
 * The same input gives the same names on every run.
 */
function resolveCollisions(files: PlannedFile[]): void {
  const order = [...files].sort(
    (a, b) =>
      cmp(a.preset.id, b.preset.id) ||
      cmp(a.product.sku.toLowerCase(), b.product.sku.toLowerCase()) ||
      a.product.id - b.product.id ||
      a.position - b.position ||
      cmp(a.rendition.key, b.rendition.key) ||
      a.image.assetId - b.image.assetId,
  );
  const taken = new Set<string>();
  for (const f of order) {
    let path = f.path;
    for (let n = 2; taken.has(path.normalize('NFC').toLowerCase()); n++) {
      path = withSuffix(f.path, `-${n}`);
    }
    taken.add(path.normalize('NFC').toLowerCase());
    f.path = path;
  }
}

function withSuffix(path: string, suffix: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const room = MAX_SEGMENT_BYTES + 20 - Buffer.byteLength(suffix + ext);
  return `${dir}${truncateBytes(base, room)}${suffix}${ext}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
