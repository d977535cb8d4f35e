import { readFile } from 'node:fs/promises';
import type { MethodArgs } from '../../../../shared/contract';
import { PackshotError } from '../../../../shared/errors';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const USAGE = 'usage: packshot catalog rules ID [--set FILE.json] [--apply] [--json]';

/**
 * A catalog's intake rules: prints them; `--set FILE.json` replaces them (checked like
 * any other call); `--apply` applies them to the files already indexed, as one undo step.
 */
export async function catalogRulesCommand(ctx: CliContext, arg: string | undefined): Promise<void> {
  const catalogId = Number(arg);
  if (!arg || !Number.isInteger(catalogId) || catalogId <= 0) throw new UsageError(USAGE);
  let rules = await call(ctx.engine, 'intakeRules.get', { catalogId });
  if (ctx.flags.set !== undefined) {
    const text = await readFile(ctx.flags.set, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new PackshotError(
        'invalid_argument',
        `${ctx.flags.set} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    rules = await call(ctx.engine, 'intakeRules.set', {
      catalogId,
      // The engine's edge checks the shape; the cast only satisfies the compiler.
      rules: parsed as MethodArgs<'intakeRules.set'>['rules'],
    });
  }
  const applied = ctx.flags.apply
    ? await call(ctx.engine, 'intakeRules.apply', { catalogId })
    : null;
  if (ctx.flags.json) return writeJson(ctx.out, applied ? { rules, applied } : rules);
  ctx.out.write(`${JSON.stringify(rules, null, 2)}\n`);
  if (applied)
    ctx.out.write(
      `Applied to ${applied.assets} files: ${applied.changed} changed, ${applied.violations} break the naming convention\n`,
    );
}
