import { call, writeJson, type CliContext } from '../cli-context';
import { channelsOf, territoryArg } from './export-command';

/** Pre-flight: every product × channel × image against the channel's rules. */
export async function checkCommand(ctx: CliContext): Promise<void> {
  const channels = channelsOf(
    ctx,
    'usage: packshot check --channel ID[,ID] [--query Q] [--approved-only] [--territory XX] [--json]',
  );
  const report = await call(ctx.engine, 'exports.check', {
    channels,
    ...(ctx.flags.query === undefined ? {} : { query: ctx.flags.query }),
    ...(ctx.flags.rights.approvedOnly ? { approvedOnly: true } : {}),
    ...territoryArg(ctx),
  });
  if (ctx.flags.json) return writeJson(ctx.out, report);
  for (const item of report.items) {
    if (item.level === 'pass') continue;
    const what = item.assetName ? `${item.role} #${item.position} ${item.assetName}` : 'product';
    const reasons = item.checks.filter((c) => c.level !== 'pass').map((c) => c.reason);
    ctx.out.write(
      `${item.level.toUpperCase()}\t${item.presetId}\t${item.sku}\t${what}: ${reasons.join('; ')}\n`,
    );
  }
  const t = report.totals;
  ctx.out.write(
    `${report.products} products, ${report.presets.join(', ')}: ${t.pass} pass, ${t.warn} warn, ${t.fail} fail\n`,
  );
}
