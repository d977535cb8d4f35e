import type { Spin } from '../../../../shared/spin-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const USAGE =
  'usage: packshot spins list [--json] | create --query Q --name NAME | create --rule TEMPLATE [--query Q] | export --out DIR [--channel PRESET]';

/** 360° spins: list them, make them (from a query, or by a naming rule), export them. */
export async function spinsCommand(ctx: CliContext): Promise<void> {
  const [action, ...extra] = ctx.positionals;
  if (extra.length > 0) throw new UsageError(USAGE);
  switch (action) {
    case 'list': {
      const spins = await call(ctx.engine, 'spins.list', {});
      if (ctx.flags.json) return writeJson(ctx.out, spins);
      if (spins.length === 0)
        ctx.out.write('No spins. Make one: packshot spins create --query Q --name NAME\n');
      for (const s of spins) ctx.out.write(line(s));
      return;
    }
    case 'create': {
      const { rule, query, name } = ctx.flags;
      if (rule !== undefined) {
        if (name !== undefined)
          throw new UsageError('--rule names each spin by its key; drop --name');
        const made = await call(ctx.engine, 'spins.createByRule', {
          rule,
          ...(query === undefined ? {} : { query }),
        });
        if (ctx.flags.json) return writeJson(ctx.out, made.spins);
        ctx.out.write(`Made ${made.spins.length} spin(s) by ${rule}\n`);
        for (const s of made.spins) ctx.out.write(line(s));
        return;
      }
      if (query === undefined || name === undefined) throw new UsageError(USAGE);
      const made = await call(ctx.engine, 'spins.create', { query, name });
      if (ctx.flags.json) return writeJson(ctx.out, made.spin);
      if (made.spin) ctx.out.write(`Made spin ${made.spin.id}: ${line(made.spin)}`);
      return;
    }
    case 'export': {
      if (ctx.flags.out === undefined) throw new UsageError(USAGE);
      const result = await call(ctx.engine, 'spins.export', {
        out: ctx.flags.out,
        ...(ctx.flags.channel === undefined ? {} : { preset: ctx.flags.channel }),
      });
      if (ctx.flags.json) return writeJson(ctx.out, result);
      ctx.out.write(
        `${result.spins} spin(s) to ${result.out}: ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed\n`,
      );
      for (const w of result.warnings) ctx.err.write(`warning: ${w}\n`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

function line(s: Spin): string {
  const warn = s.warnings.length > 0 ? `\t! ${s.warnings.join('; ')}` : '';
  return `${s.id}\t${s.frames} frames\t${s.name}${warn}\n`;
}
