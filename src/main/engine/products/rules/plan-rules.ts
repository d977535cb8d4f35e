import type { MediaRole, RuleLink, RuleMiss, RulePlan } from '../../../../shared/product-dto';
import type { Db } from '../../db/open-database';
import { roleOf, type CompiledRule, type NameMatch } from './link-rule';
import { RulePlanRepo, type RuleCandidate } from '../../repositories/rule-plan-repo';

const UNNUMBERED = Number.MAX_SAFE_INTEGER;

interface Claim {
  asset: RuleCandidate;
  productId: number;
  sku: string;
  role: MediaRole;
  /** The number in the name: orders new links within their slot. */
  order: number;
  /** The name said the role. */
  named: boolean;
  rule: string;
}

/**
 * What rules would link. Without a role in the name, number 1 (or 0) is the main image
 * and the other numbers go to the gallery in number order. Files already linked to
 * that product are left alone; two files claiming one main, or a main that is already
 * taken, are conflicts; a SKU that no product has is reported, not created.
 */
export function planRules(
  db: Db,
  rules: readonly CompiledRule[],
  only?: readonly number[],
): RulePlan {
  const repo = new RulePlanRepo(db);
  const assets = repo.candidates(only);
  const plan: RulePlan = { links: [], conflicts: [], unknownSku: [], unmatched: 0 };
  const claims: Claim[] = [];
  const miss = (asset: RuleCandidate, reason: string): RuleMiss => ({
    assetId: asset.id,
    relPath: asset.rel_path,
    reason,
  });

  for (const asset of assets) {
    const hit = firstMatch(rules, asset.name);
    if (!hit) {
      plan.unmatched++;
      continue;
    }
    const product = repo.productBySku(hit.match.sku);
    if (!product) {
      plan.unknownSku.push(miss(asset, `no product has SKU ${hit.match.sku}`));
      continue;
    }
    if (repo.isLinked(product.id, asset.id)) continue;
    const role = hit.match.role === null ? null : roleOf(hit.match.role);
    if (hit.match.role !== null && role === null) {
      plan.conflicts.push(miss(asset, `unknown role '${hit.match.role}' in the name`));
      continue;
    }
    claims.push({
      asset,
      productId: product.id,
      sku: product.sku,
      role: role ?? 'gallery',
      order: hit.match.position ?? UNNUMBERED,
      named: role !== null,
      rule: hit.rule,
    });
  }

  // Per product: the lowest number without a role is the main image, when it is 0 or 1.
  for (const group of groupBy(claims, (c) => c.productId).values()) {
    const lowest = group.filter((c) => !c.named).sort((a, b) => a.order - b.order)[0];
    if (lowest && lowest.order <= 1) lowest.role = 'main';
    // Numbers already in a slot (by the linked files' own names): a new file with the same
    // number is a second take, not another view.
    const taken = new Map<string, string>();
    for (const l of repo.linkedNames((group[0] as Claim).productId)) {
      const order = firstMatch(rules, l.name)?.match.position;
      if (order !== null && order !== undefined) taken.set(`${l.role}:${order}`, l.name);
    }
    for (const slot of groupBy(group, (c) => c.role).values()) {
      slot.sort((a, b) => a.order - b.order || a.asset.name.localeCompare(b.asset.name));
      const first = slot[0] as Claim;
      const existing = repo.slotLength(first.productId, first.role);
      let at = existing;
      let previous: Claim | undefined;
      for (const claim of slot) {
        const twin = previous && previous.order === claim.order && claim.order !== UNNUMBERED;
        previous = claim;
        const holder = taken.get(`${claim.role}:${claim.order}`);
        if (holder !== undefined && claim.role !== 'main') {
          plan.conflicts.push(
            miss(
              claim.asset,
              `${holder} already has number ${claim.order} in ${claim.sku}'s ${claim.role} slot`,
            ),
          );
        } else if (twin) {
          plan.conflicts.push(
            miss(
              claim.asset,
              `another file has number ${claim.order} in ${claim.sku}'s ${claim.role} slot`,
            ),
          );
        } else if (claim.role === 'main' && at > 0) {
          plan.conflicts.push(
            miss(
              claim.asset,
              existing > 0
                ? `${claim.sku} already has a main image`
                : `another file is also ${claim.sku}'s main image`,
            ),
          );
        } else plan.links.push(toLink(claim, at++));
      }
    }
  }
  plan.links.sort(
    (a, b) => a.sku.localeCompare(b.sku) || a.role.localeCompare(b.role) || a.position - b.position,
  );
  return plan;
}

function toLink(c: Claim, position: number): RuleLink {
  return {
    assetId: c.asset.id,
    relPath: c.asset.rel_path,
    productId: c.productId,
    sku: c.sku,
    role: c.role,
    position,
    rule: c.rule,
  };
}

function firstMatch(
  rules: readonly CompiledRule[],
  name: string,
): { match: NameMatch; rule: string } | null {
  for (const rule of rules) {
    const match = rule.match(name);
    if (match) return { match, rule: rule.name };
  }
  return null;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
