import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const USAGE = 'usage: packshot collections list [--json] | save NAME [--query Q]';

/** Saved searches and manual collections: list them, or save one. */
export async function collectionsCommand(ctx: CliContext): Promise<void> {
  const [action, name, ...extra] = ctx.positionals;
  switch (action) {
    case 'list': {
      const collections = await call(ctx.engine, 'collections.list', {});
      if (ctx.flags.json) return writeJson(ctx.out, collections);
      if (collections.length === 0)
        ctx.out.write('No collections. Save a search: packshot collections save NAME --query Q\n');
      for (const c of collections) {
        const what = c.kind === 'smart' ? `search: ${c.query ?? ''}` : 'manual';
        ctx.out.write(`${c.id}\t${c.count} assets\t${c.name}\t(${what})\n`);
      }
      return;
    }
    case 'save': {
      if (!name || extra.length > 0) throw new UsageError(USAGE);
      // With --query: a saved search; without: an empty manual collection.
      const saved = await call(ctx.engine, 'collections.save', {
        name,
        ...(ctx.flags.query === undefined ? {} : { query: ctx.flags.query }),
      });
      if (ctx.flags.json) return writeJson(ctx.out, saved);
      ctx.out.write(
        `Saved ${saved.kind === 'smart' ? 'search' : 'collection'} ${saved.id}: ${saved.name} (${saved.count} assets)\n`,
      );
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}
