import { call, UsageError, writeJson, type CliContext } from '../cli-context';

/** `packshot rate N --query Q`: one undoable step over every asset Q finds. */
export async function rateCommand(ctx: CliContext): Promise<void> {
  const [stars] = ctx.positionals;
  const rating = Number(stars);
  if (stars === undefined || !Number.isInteger(rating) || rating < 0 || rating > 5) {
    throw new UsageError('usage: packshot rate 0-5 --query Q');
  }
  await edit(ctx, { rating });
}

/** `packshot flag pick|reject|none --query Q`. */
export async function flagCommand(ctx: CliContext): Promise<void> {
  const [flag] = ctx.positionals;
  if (flag !== 'pick' && flag !== 'reject' && flag !== 'none') {
    throw new UsageError('usage: packshot flag pick|reject|none --query Q');
  }
  await edit(ctx, { flag });
}

async function edit(
  ctx: CliContext,
  change: { rating?: number; flag?: 'pick' | 'reject' | 'none' },
): Promise<void> {
  if (ctx.flags.query === undefined) {
    throw new UsageError('say which assets with --query Q (--query "" for all of them)');
  }
  const result = await call(ctx.engine, 'assets.editQuery', { query: ctx.flags.query, ...change });
  if (ctx.flags.json) writeJson(ctx.out, result);
  else
    ctx.out.write(
      result.step ? `${result.step}: ${result.changed} changed\n` : 'Nothing to change\n',
    );
}

/** `packshot tag add|remove TAG --query Q`: one undoable step. */
export async function tagCommand(ctx: CliContext): Promise<void> {
  const [action, path] = ctx.positionals;
  if ((action !== 'add' && action !== 'remove') || !path) {
    throw new UsageError(
      'usage: packshot tag add|remove TAG --query Q   (TAG may be Product|Shoes|Sneakers)',
    );
  }
  if (ctx.flags.query === undefined) throw new UsageError('say which assets with --query Q');
  const result = await call(ctx.engine, 'tags.applyQuery', {
    query: ctx.flags.query,
    path,
    remove: action === 'remove',
  });
  if (ctx.flags.json) writeJson(ctx.out, result);
  else
    ctx.out.write(
      result.step ? `${result.step}: ${result.changed} changed\n` : 'Nothing to change\n',
    );
}
