// The pre-flight report of a plan: every product × preset × image, with its level and reasons.
import type { CheckLevel, PreflightReport } from '../../../../shared/export-dto';
import type { PackPlan } from '../pack/plan-pack';

export function preflightReport(plan: PackPlan): PreflightReport {
  const totals: Record<CheckLevel, number> = { pass: 0, warn: 0, fail: 0 };
  for (const item of plan.items) if (item.assetId !== null) totals[item.level]++;
  return {
    presets: plan.presets.map((p) => p.id),
    products: plan.products.length,
    totals,
    items: plan.items,
  };
}
