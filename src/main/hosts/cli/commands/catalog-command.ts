import { call, UsageError, writeJson, type CliContext } from '../cli-context';
import { catalogRulesCommand } from './catalog-rules-command';

export async function catalogCommand(ctx: CliContext): Promise<void> {
  const [action, arg] = ctx.positionals;
  switch (action) {
    case 'add': {
      if (!arg) throw new UsageError('usage: packshot catalog add PATH');
      // catalogs.add starts the walk that lists the files; closing the engine waits for it,
      // and `packshot scan` indexes them.
      const catalog = await call(ctx.engine, 'catalogs.add', { path: arg });
      if (ctx.flags.json) writeJson(ctx.out, catalog);
      else ctx.out.write(`Added catalog ${catalog.id}: ${catalog.path}\n`);
      return;
    }
    case 'list': {
      const catalogs = await call(ctx.engine, 'catalogs.list', {});
      if (ctx.flags.json) return writeJson(ctx.out, catalogs);
      if (catalogs.length === 0) ctx.out.write('No catalogs. Add one: packshot catalog add PATH\n');
      for (const c of catalogs) {
        ctx.out.write(`${c.id}\t${c.assetCount} assets\t${c.errorCount} errors\t${c.path}\n`);
      }
      return;
    }
    case 'remove': {
      const id = Number(arg);
      if (!arg || !Number.isInteger(id) || id <= 0)
        throw new UsageError('usage: packshot catalog remove ID');
      await call(ctx.engine, 'catalogs.remove', { id });
      if (ctx.flags.json) writeJson(ctx.out, { removed: id });
      else ctx.out.write(`Removed catalog ${id} (the files on disk are untouched)\n`);
      return;
    }
    case 'config': {
      const id = Number(arg);
      const xmp = ctx.flags.xmp;
      if (
        !arg ||
        !Number.isInteger(id) ||
        id <= 0 ||
        (xmp !== 'off' && xmp !== 'sidecar' && xmp !== 'embedded')
      ) {
        throw new UsageError('usage: packshot catalog config ID --xmp off|sidecar|embedded');
      }
      const catalog = await call(ctx.engine, 'catalogs.configure', { id, xmp });
      if (ctx.flags.json) writeJson(ctx.out, catalog);
      else ctx.out.write(`Catalog ${id}: XMP write-back ${catalog.xmp}\n`);
      return;
    }
    case 'rules':
      return catalogRulesCommand(ctx, arg);
    default:
      throw new UsageError(
        'usage: packshot catalog add PATH | list | remove ID | config ID --xmp MODE | rules ID',
      );
  }
}
