// `usage ID`, `takedown [--days N] [--csv FILE] [--force]`, `audit [--since DATE] [--after-id N]`,
// `audit verify`.
import type { AuditEntry } from '../../../../shared/usage-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

/** `usage ID [--json]`: where an asset went, files still in packs first. */
export async function usageCommand(ctx: CliContext): Promise<void> {
  const [raw, ...rest] = ctx.positionals;
  const assetId = Number(raw);
  if (rest.length > 0 || !Number.isInteger(assetId) || assetId <= 0)
    throw new UsageError('usage: packshot usage ID [--json]');
  const rows = await call(ctx.engine, 'usages.list', { assetId });
  if (ctx.flags.json) return writeJson(ctx.out, rows);
  if (rows.length === 0) ctx.out.write(`Asset ${assetId} is in no pack.\n`);
  for (const r of rows) {
    const when =
      r.removedAt === null ? `since ${r.exportedAt}` : `${r.exportedAt} – removed ${r.removedAt}`;
    ctx.out.write(
      `${r.channel}/${r.presetId}  ${r.sku}  ${r.pack}/${r.file}  ${when}  (version ${r.versionHash.slice(0, 12)})\n`,
    );
  }
}

/** `takedown [--days N] [--csv FILE] [--force] [--json]`: files to take down before licences end. */
export async function takedownCommand(ctx: CliContext): Promise<void> {
  const usage = 'usage: packshot takedown [--days N] [--csv FILE] [--force] [--json]';
  if (ctx.positionals.length > 0) throw new UsageError(usage);
  const days = ctx.flags.days === undefined ? 30 : Number(ctx.flags.days);
  if (!Number.isInteger(days) || days < 0)
    throw new UsageError(`--days takes a whole number of days\n${usage}`);
  if (ctx.flags.csv !== undefined) {
    const written = await call(ctx.engine, 'takedowns.writeCsv', {
      days,
      path: ctx.flags.csv,
      force: ctx.flags.force,
    });
    if (ctx.flags.json) return writeJson(ctx.out, written);
    ctx.out.write(
      `${written.rows} file${written.rows === 1 ? '' : 's'} to take down: ${written.path}\n`,
    );
    return;
  }
  const rows = await call(ctx.engine, 'takedowns.list', { days });
  if (ctx.flags.json) return writeJson(ctx.out, rows);
  if (rows.length === 0)
    ctx.out.write(`No exported file has a licence ending within ${days} days.\n`);
  for (const r of rows)
    ctx.out.write(
      `${r.endsOn} ${r.ended ? 'ended ' : 'ending'}  ${r.licence}  asset ${r.assetId}  ${r.channel}/${r.presetId}  ${r.sku}  ${r.pack}/${r.file}\n`,
    );
}

/** Rows read per call: the whole log is read page by page (keyset, after the last id). */
const AUDIT_PAGE = 10_000;

/** `audit [--since DATE] [--after-id N] [--json]` and `audit verify [--json]` (exit 1 when the chain is broken). */
export async function auditCommand(ctx: CliContext): Promise<void> {
  const [sub, ...rest] = ctx.positionals;
  if (sub === 'verify' && rest.length === 0) {
    const verdict = await call(ctx.engine, 'auditEntries.verify', {});
    if (ctx.flags.json) writeJson(ctx.out, verdict);
    else if (verdict.ok)
      ctx.out.write(`Audit log intact: ${verdict.rows} rows; head ${verdict.head ?? '(empty)'}\n`);
    else
      ctx.out.write(
        `Audit log BROKEN at ${verdict.brokenId === null ? 'its end' : `row ${verdict.brokenId}`}: ${verdict.reason}\n`,
      );
    // Exit 1 (main turns a throw into it) after the verdict is printed.
    if (!verdict.ok) throw new Error('the audit log does not verify');
    return;
  }
  if (sub !== undefined) throw new UsageError(`${AUDIT_USAGE}`);
  let afterId = 0;
  if (ctx.flags.afterId !== undefined) {
    afterId = Number(ctx.flags.afterId);
    if (!Number.isSafeInteger(afterId) || afterId < 0)
      throw new UsageError(`--after-id takes a row id (a whole number)\n${AUDIT_USAGE}`);
  }
  const rows: AuditEntry[] = [];
  let read = 0;
  for (;;) {
    const page = await call(ctx.engine, 'auditEntries.list', {
      ...(ctx.flags.since === undefined ? {} : { since: ctx.flags.since }),
      afterId,
      limit: AUDIT_PAGE,
    });
    read += page.length;
    if (ctx.flags.json) rows.push(...page);
    else for (const r of page) ctx.out.write(`${line(r)}\n`);
    const last = page.at(-1);
    if (page.length < AUDIT_PAGE || last === undefined) {
      if (ctx.flags.json) writeJson(ctx.out, rows);
      else if (read === 0) ctx.out.write('No audit entries.\n');
      return;
    }
    afterId = last.id;
  }
}

const AUDIT_USAGE =
  'usage: packshot audit [--since DATE] [--after-id N] [--json] | packshot audit verify [--json]';

function line(r: AuditEntry): string {
  const change = [
    r.before === null ? null : `before ${JSON.stringify(r.before)}`,
    r.after === null ? null : `after ${JSON.stringify(r.after)}`,
  ];
  return [
    String(r.id),
    r.at,
    r.who,
    r.action,
    `${r.subjectKind} ${r.subjectId}`,
    ...change.filter((c) => c !== null),
  ].join('  ');
}
