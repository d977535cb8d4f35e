// Groups a pre-flight report by product × channel for display: each group carries its
// worst level and counts, and the failures-only view keeps just the failing rows.
import type { CheckLevel, PreflightItem, PreflightReport } from '../../../shared/export-dto';

export interface PreflightGroup {
  key: string;
  productId: number;
  sku: string;
  channel: string;
  level: CheckLevel;
  counts: Record<CheckLevel, number>;
  items: PreflightItem[];
}

const RANK: Record<CheckLevel, number> = { pass: 0, warn: 1, fail: 2 };

export function worstLevel(levels: Iterable<CheckLevel>): CheckLevel {
  let worst: CheckLevel = 'pass';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}

/** Groups in report order (the engine sorts by SKU, then preset); rows keep their order. */
export function groupReport(report: PreflightReport, failuresOnly: boolean): PreflightGroup[] {
  const groups = new Map<string, PreflightGroup>();
  for (const item of report.items) {
    if (failuresOnly && item.level !== 'fail') continue;
    const key = `${item.productId}\u0000${item.channel}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        key,
        productId: item.productId,
        sku: item.sku,
        channel: item.channel,
        level: 'pass',
        counts: { pass: 0, warn: 0, fail: 0 },
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(item);
    group.counts[item.level] += 1;
    group.level = worstLevel([group.level, item.level]);
  }
  return [...groups.values()];
}
