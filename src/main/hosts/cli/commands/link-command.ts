import type { RulePlan } from '../../../../shared/product-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

/**
 * `packshot link rules apply [--rule REGEX] [--dry-run]`: links files to products by name.
 * Without --rule: the rules configured in the app, or the built-in {sku}_{position} rule.
 */
export async function linkCommand(ctx: CliContext): Promise<void> {
  const [what, action, extra] = ctx.positionals;
  if (what !== 'rules' || action !== 'apply' || extra !== undefined)
    throw new UsageError('usage: packshot link rules apply [--rule REGEX] [--dry-run] [--json]');
  const args = ctx.flags.rule === undefined ? {} : { pattern: ctx.flags.rule };
  if (ctx.flags.dryRun) {
    const plan = await call(ctx.engine, 'rules.dryRun', args);
    if (ctx.flags.json) return writeJson(ctx.out, { dryRun: true, ...plan });
    return describe(ctx, plan, 'would link');
  }
  const result = await call(ctx.engine, 'rules.apply', args);
  if (ctx.flags.json) return writeJson(ctx.out, { dryRun: false, ...result });
  describe(ctx, result, 'linked');
}

function describe(ctx: CliContext, plan: RulePlan, verb: string): void {
  for (const l of plan.links)
    ctx.out.write(`${l.sku}\t${l.role} ${l.position + 1}\t${l.relPath}\n`);
  for (const c of plan.conflicts) ctx.out.write(`conflict\t${c.relPath}\t${c.reason}\n`);
  for (const u of plan.unknownSku) ctx.out.write(`no product\t${u.relPath}\t${u.reason}\n`);
  ctx.out.write(
    `${verb} ${plan.links.length}, ${plan.conflicts.length} conflicts, ${plan.unknownSku.length} unknown SKUs, ${plan.unmatched} names matched no rule\n`,
  );
}
