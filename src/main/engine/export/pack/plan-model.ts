// A 3D model's part of a pack plan: its pre-flight item and its files, the GLB and the USDZ
// beside it (same name, .usdz). A model file has no rendition: it carries a fixed one so a
// planned file keeps one shape, and its render key is made from the model rules instead.
import { createHash } from 'node:crypto';
import type {
  ChannelPreset,
  CheckLevel,
  CheckResult,
  ModelFormat,
  ModelRules,
  PreflightItem,
  Rendition,
} from '../../../../shared/export-dto';
import { renderPath } from '../../../../shared/naming/name-template';
import type { PackImage, PackProduct } from '../pack-source';
import { modelChecks } from '../preflight/model-checks';
import { RIGHTS_CHECK, rightsCheck } from '../preflight/rights-check';
import { renderOptions, type RenderOptions } from '../../tools/render/render-options';
import { preflightItem } from './preflight-item';

/** Bump when the model pipeline's output changes for the same rules (re-exports models). */
export const MODEL_PACK_VERSION = 1;

export interface PlannedModel {
  format: ModelFormat;
  rules: ModelRules;
}

const MODEL_RENDITION: Rendition = {
  key: '',
  width: null,
  height: null,
  fit: 'inside',
  crop: 'centre',
  withoutEnlargement: true,
  trim: false,
  trimThreshold: 12,
  productFill: null,
  background: '#ffffff',
  format: 'png',
  quality: 100,
  progressive: false,
  maxBytes: null,
  minQuality: 100,
};

export interface ModelPlan {
  item: PreflightItem;
  files: {
    path: string;
    preset: ChannelPreset;
    product: PackProduct;
    image: PackImage;
    position: number;
    rendition: Rendition;
    options: RenderOptions;
    renderKey: string | null;
    level: CheckLevel;
    findings: string[];
    blocked: string[];
    model: PlannedModel;
  }[];
}

export function planModel(
  preset: ChannelPreset,
  rules: ModelRules,
  product: PackProduct,
  image: PackImage,
  position: number,
  inherited: readonly CheckResult[],
): ModelPlan {
  const found = [
    ...(rightsCheck({ preset, product, image, renditions: [] }) ?? []),
    ...modelChecks(rules, image),
  ];
  const all = [...inherited.filter((f) => f.level === 'warn'), ...found];
  const item = preflightItem({ preset, product, image, position }, all);
  const level = item.level;
  const glb = renderPath(preset.naming.folder, preset.naming.file, {
    sku: product.sku,
    name: product.name,
    position,
    role: image.role,
    channel: preset.channel,
    preset: preset.id,
    key: '',
    width: null,
    height: null,
    ext: 'glb',
    parent: product.parentSku ?? '',
    asset: image.name.replace(/\.[^.]*$/, ''),
    attributes: product.attributes,
  });
  const options = renderOptions(MODEL_RENDITION, preset.metadata, null, null, []);
  const formats = [...rules.formats].sort(); // glb, then the USDZ beside it
  const files = formats.map((format) => ({
    path: format === 'glb' ? glb : withExtension(glb, format),
    preset,
    product,
    image,
    position,
    rendition: MODEL_RENDITION,
    options,
    renderKey: image.hash ? modelKey(image.hash, format, rules) : null,
    level,
    findings: all.filter((f) => f.level !== 'pass').map((f) => `${f.check}: ${f.reason}`),
    blocked: found
      .filter((f) => f.check === RIGHTS_CHECK && f.level === 'fail')
      .map((f) => f.reason),
    model: { format, rules },
  }));
  return { item, files };
}

function modelKey(hash: string, format: ModelFormat, rules: ModelRules): string {
  const canonical = JSON.stringify([MODEL_PACK_VERSION, hash, format, rulesKey(rules)]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** The rules that shape a model's files, canonical (their notes shape nothing). */
export function rulesKey(rules: ModelRules): string {
  const { notes: _notes, ...shaping } = rules;
  return JSON.stringify(Object.entries(shaping).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function withExtension(path: string, ext: string): string {
  return /\.glb$/i.test(path) ? path.replace(/\.glb$/i, `.${ext}`) : `${path}.${ext}`;
}
