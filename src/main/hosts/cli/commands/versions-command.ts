import { resolve } from 'node:path';
import type { VersionChange, VersionList } from '../../../../shared/version-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const USAGE = 'usage: packshot versions list ID | replace ID FILE | restore ID N [--json]';

/** `packshot versions list|replace|restore`: an asset's versions, kept bytes and restores. */
export async function versionsCommand(ctx: CliContext): Promise<void> {
  const [action, idText, extra, more] = ctx.positionals;
  const id = whole(idText, 'ID');
  if (more !== undefined) throw new UsageError(USAGE);
  if (action === 'list' && extra === undefined) {
    return show(ctx, await call(ctx.engine, 'versions.list', { id }));
  }
  if (action === 'replace' && extra !== undefined) {
    const path = resolve(extra);
    return changed(ctx, await call(ctx.engine, 'versions.replace', { id, path }), 'replaced');
  }
  if (action === 'restore' && extra !== undefined) {
    const n = whole(extra, 'N');
    return changed(ctx, await call(ctx.engine, 'versions.restore', { id, n }), `restored v${n} as`);
  }
  throw new UsageError(USAGE);
}

function whole(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1)
    throw new UsageError(`${what} must be a whole number from 1, not '${text ?? ''}'\n${USAGE}`);
  return value;
}

function changed(ctx: CliContext, result: VersionChange, verb: string): void {
  if (ctx.flags.json) return writeJson(ctx.out, result);
  ctx.out.write(`${verb} v${result.n}; the old content (${result.kept.slice(0, 12)}) is kept\n`);
  show(ctx, result);
}

function show(ctx: CliContext, list: VersionList): void {
  if (ctx.flags.json) return writeJson(ctx.out, list);
  ctx.out.write(`${list.path}\n`);
  for (const v of list.versions) {
    const size = v.width && v.height ? `${v.width}×${v.height}` : '-';
    const marks = [
      v.current ? 'current' : '',
      { store: 'restorable', clone: 'restorable (clone)', none: 'not kept' }[v.kept ?? 'none'],
    ];
    ctx.out.write(
      `v${v.n}\t${v.hash.slice(0, 12)}\t${v.bytes} B\t${size}\t${v.recordedAt}\t${marks.filter(Boolean).join(', ')}\n`,
    );
  }
  const clones =
    list.clones === null ? 'not probed' : list.clones ? 'cloned for free' : 'not cloned';
  ctx.out.write(`originals on this volume: ${clones}\n`);
}
