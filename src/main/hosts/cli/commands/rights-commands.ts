// `rights set|list`, `release add`, `approval set`: licences, releases and approvals from
// the command line, each through the contract like the app.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MethodArgs } from '../../../../shared/contract';
import { TERRITORY_ALIASES } from '../../../../shared/territories';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const RIGHTS_USAGE = `usage: packshot rights set --query Q --licensor NAME --type TYPE [--starts DATE] [--ends DATE]
         [--channels a,b] [--territories XX,YY | --exclude-territories XX,YY] [--credit TEXT] [--json]
       packshot rights list [--expiring DAYS] [--json]`;
const RELEASE_USAGE =
  'usage: packshot release add --query Q --kind model|property|minor --signed DATE [--expires DATE] [--file PATH] [--json]';
const APPROVAL_USAGE =
  'usage: packshot approval set approved|rejected|in-review --query Q [--comment TEXT] [--who NAME] [--json]';

const list = (text: string | undefined): string[] | null =>
  text === undefined
    ? null
    : text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

/** UK is not an ISO code: the engine reads it as GB; say so rather than change it silently. */
export function noteAliases(ctx: CliContext, codes: readonly string[]): void {
  for (const code of new Set(codes.map((c) => c.trim().toUpperCase())))
    if (TERRITORY_ALIASES[code])
      ctx.err.write(`note: ${code} is read as ${TERRITORY_ALIASES[code]} (ISO 3166-1)\n`);
}

function query(ctx: CliContext, usage: string): string {
  const q = ctx.flags.query;
  if (q === undefined || q.trim() === '') throw new UsageError(`${usage}\n(--query is required)`);
  return q;
}

export async function rightsCommand(ctx: CliContext): Promise<void> {
  const [sub] = ctx.positionals;
  const f = ctx.flags.rights;
  if (sub === 'list') {
    const days = f.expiring === undefined ? undefined : Number(f.expiring);
    if (days !== undefined && !(Number.isInteger(days) && days >= 0))
      throw new UsageError(`--expiring takes a number of days, not '${f.expiring}'`);
    const licences = await call(ctx.engine, 'licences.list', {
      ...(days === undefined ? {} : { expiringDays: days }),
    });
    if (ctx.flags.json) return writeJson(ctx.out, licences);
    for (const l of licences)
      ctx.out.write(
        `${l.id}\t${l.status}\t${l.endsOn ?? '-'}\t${l.assets} assets\t${l.name}${l.licensor ? ` (${l.licensor})` : ''}\n`,
      );
    ctx.out.write(`${licences.length} licence${licences.length === 1 ? '' : 's'}\n`);
    return;
  }
  if (sub !== 'set') throw new UsageError(RIGHTS_USAGE);
  const q = query(ctx, RIGHTS_USAGE);
  if (!f.licensor || !f.type)
    throw new UsageError(`${RIGHTS_USAGE}\n(--licensor and --type are required)`);
  if (f.territories !== undefined && f.excludeTerritories !== undefined)
    throw new UsageError(`${RIGHTS_USAGE}\n(--territories or --exclude-territories, not both)`);
  const territories = list(f.territories ?? f.excludeTerritories);
  noteAliases(ctx, territories ?? []);
  const licence = {
    name: `${f.licensor}, ${f.type}${f.ends ? ` until ${f.ends}` : ''}`,
    licensor: f.licensor,
    type: f.type,
    startsOn: f.starts ?? null,
    endsOn: f.ends ?? null,
    channels: list(f.channels),
    territoriesMode: territories ? (f.excludeTerritories ? 'exclude' : 'include') : null,
    territories,
    creditLine: f.credit ?? null,
    creditRequired: f.credit !== undefined,
  } as MethodArgs<'licences.assign'>['licence'];
  const result = await call(ctx.engine, 'licences.assign', { licence, query: q });
  for (const w of result.warnings ?? []) ctx.err.write(`warning: ${w}\n`);
  if (ctx.flags.json) return writeJson(ctx.out, result);
  ctx.out.write(
    `Licence ${result.licenceId} set on ${result.assets} assets (${result.attached} newly, ${result.detached} other licences detached)\n`,
  );
}

export async function releaseCommand(ctx: CliContext): Promise<void> {
  const f = ctx.flags.rights;
  if (ctx.positionals[0] !== 'add') throw new UsageError(RELEASE_USAGE);
  const q = query(ctx, RELEASE_USAGE);
  if (!f.kind || !f.signed)
    throw new UsageError(`${RELEASE_USAGE}\n(--kind and --signed are required)`);
  const documentPath = f.file === undefined ? null : resolve(f.file);
  if (documentPath && !existsSync(documentPath))
    throw new UsageError(`--file: no file at ${documentPath}`);
  const result = await call(ctx.engine, 'releases.create', {
    kind: f.kind as MethodArgs<'releases.create'>['kind'],
    signedOn: f.signed,
    expiresOn: f.expires ?? null,
    documentPath,
    query: q,
  });
  if (ctx.flags.json) return writeJson(ctx.out, result);
  ctx.out.write(`Release ${result.id} (${f.kind}) attached to ${result.attached} assets\n`);
}

export async function approvalCommand(ctx: CliContext): Promise<void> {
  const [sub, state] = ctx.positionals;
  const f = ctx.flags.rights;
  if (sub !== 'set' || (state !== 'approved' && state !== 'rejected' && state !== 'in-review'))
    throw new UsageError(APPROVAL_USAGE);
  const result = await call(ctx.engine, 'approvals.set', {
    state,
    query: query(ctx, APPROVAL_USAGE),
    comment: f.comment ?? null,
    ...(f.who === undefined ? {} : { who: f.who }),
  });
  if (ctx.flags.json) return writeJson(ctx.out, result);
  ctx.out.write(
    `${state} by ${result.who}: ${result.changed} assets${result.skipped ? ` (${result.skipped} not indexed yet, skipped)` : ''}\n`,
  );
}
