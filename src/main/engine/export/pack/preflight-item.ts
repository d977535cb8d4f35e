// One pre-flight line per planned source, the same shape for photos, videos, models and
// manuals: where it stands (product, preset, role, position), its findings and their worst.
import type {
  ChannelPreset,
  CheckLevel,
  CheckResult,
  PreflightItem,
} from '../../../../shared/export-dto';
import type { PackImage, PackProduct } from '../pack-source';

const RANK: Record<CheckLevel, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(results: readonly { level: CheckLevel }[]): CheckLevel {
  return results.reduce<CheckLevel>((w, x) => (RANK[x.level] > RANK[w] ? x.level : w), 'pass');
}

const MEETS_EVERY_RULE: CheckResult = { check: 'rules', level: 'pass', reason: 'meets every rule' };

/** The item for one source; with no finding it says it passes (`pass`, or "meets every rule"). */
export function preflightItem(
  at: { preset: ChannelPreset; product: PackProduct; image: PackImage; position: number },
  checks: CheckResult[],
  pass: CheckResult = MEETS_EVERY_RULE,
): PreflightItem {
  const { preset, product, image, position } = at;
  return {
    productId: product.id,
    sku: product.sku,
    presetId: preset.id,
    channel: preset.channel,
    assetId: image.assetId,
    assetName: image.name,
    role: image.role,
    position,
    level: worst(checks),
    checks: checks.length ? checks : [pass],
  };
}
