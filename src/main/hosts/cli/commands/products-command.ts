import { once } from 'node:events';
import { resolve } from 'node:path';
import { MEDIA_ROLES, type ColumnMap, type ProductLink } from '../../../../shared/product-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const PAGE = 1000;
const USAGE = 'usage: packshot products import FILE [--map JSON] [--json] | products list [--json]';

/** `packshot products import FILE` and `packshot products list`. */
export async function productsCommand(ctx: CliContext): Promise<void> {
  const [action, file] = ctx.positionals;
  if (action === 'import' && file) return importCommand(ctx, file);
  if (action === 'list' && !file) return listCommand(ctx);
  throw new UsageError(USAGE);
}

async function importCommand(ctx: CliContext, file: string): Promise<void> {
  const report = await call(ctx.engine, 'products.import', {
    path: resolve(file),
    ...(ctx.flags.map === undefined ? {} : { map: parseMap(ctx.flags.map) }),
  });
  if (ctx.flags.json) return writeJson(ctx.out, report);
  ctx.out.write(
    `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}\n`,
  );
  for (const p of report.problems)
    ctx.out.write(`  line ${p.line}${p.sku ? ` (${p.sku})` : ''}: ${p.reason}\n`);
}

/** --map '{"sku":"Article","name":"Title","attributes":["Color"]}' (checked by the engine). */
function parseMap(text: string): ColumnMap {
  try {
    return JSON.parse(text) as ColumnMap;
  } catch {
    throw new UsageError(`--map takes JSON, e.g. '{"sku":"Article","name":"Title"}'`);
  }
}

/** Every product with its files by role, in board order; streamed page by page. */
async function listCommand(ctx: CliContext): Promise<void> {
  const paths = new Map<number, string>();
  const pathOf = async (id: number): Promise<string> => {
    let path = paths.get(id);
    if (path === undefined) {
      path = (await call(ctx.engine, 'assets.get', { id })).path;
      paths.set(id, path);
    }
    return path;
  };
  let offset = 0;
  let first = true;
  if (ctx.flags.json) ctx.out.write('[');
  for (;;) {
    const page = await call(ctx.engine, 'products.list', { offset, limit: PAGE });
    for (const product of page.items) {
      const detail = await call(ctx.engine, 'products.get', { id: product.id });
      const assets: Record<string, { id: number; path: string; state: string }[]> = {};
      for (const role of MEDIA_ROLES) {
        const inRole = detail.links
          .filter((l: ProductLink) => l.role === role)
          .sort((a, b) => a.position - b.position);
        if (inRole.length === 0) continue;
        assets[role] = [];
        for (const l of inRole)
          assets[role].push({ id: l.assetId, path: await pathOf(l.assetId), state: l.state });
      }
      const row = {
        id: product.id,
        sku: product.sku,
        name: product.name,
        parentSku: product.parentSku,
        productType: product.productType,
        channels: product.channels,
        attributes: product.attributes,
        variants: detail.variants.map((v) => v.sku),
        assets,
      };
      const text = ctx.flags.json
        ? `${first ? '\n' : ',\n'}  ${JSON.stringify(row)}`
        : `${product.sku}\t${product.name}\t${product.linkCount} file${product.linkCount === 1 ? '' : 's'}${product.parentSku ? `\tvariant of ${product.parentSku}` : ''}\n`;
      first = false;
      if (!ctx.out.write(text)) await once(ctx.out, 'drain');
    }
    offset += page.items.length;
    if (page.items.length < PAGE || offset >= page.total) break;
  }
  if (ctx.flags.json) ctx.out.write(first ? ']\n' : '\n]\n');
}
