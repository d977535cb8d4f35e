// Where used, the takedown list and the audit log.
import { resolve } from 'node:path';
import { takedownCsv, writeTakedownCsv } from '../export/takedown-csv';
import { TakedownRepo } from '../repositories/takedown-repo';
import { UsageRepo } from '../repositories/usage-repo';
import { addDays, today } from '../rights/licence-dates';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

type Names = NamespaceMethods<'usages' | 'takedowns' | 'auditEntries'>;

export function usageHandlers(ctx: EngineContext): HandlerGroup<Names> {
  const usage = new UsageRepo(ctx.db);
  const takedowns = new TakedownRepo(ctx.db);
  const list = (days: number) => {
    const day = today();
    return takedowns.list(day, addDays(day, days));
  };
  return {
    'usages.list': ({ assetId }) => Promise.resolve(usage.list(assetId)),
    'usages.forLicence': ({ licenceId, limit }) =>
      Promise.resolve(usage.forLicence(licenceId, limit)),
    'takedowns.list': ({ days }) => Promise.resolve(list(days)),
    'takedowns.csv': ({ days }) => {
      const rows = list(days);
      return Promise.resolve({ csv: takedownCsv(rows), rows: rows.length });
    },
    'takedowns.writeCsv': async ({ days, path, force }) => {
      const rows = list(days);
      const target = resolve(path);
      await writeTakedownCsv(target, takedownCsv(rows), force);
      return { path: target, rows: rows.length };
    },
    'auditEntries.list': ({ since, subject, afterId, limit }) =>
      Promise.resolve(
        ctx.audit.list({
          ...(since === undefined ? {} : { since }),
          ...(subject === undefined ? {} : { subject }),
          ...(afterId === undefined ? {} : { afterId }),
          limit,
        }),
      ),
    'auditEntries.verify': () => Promise.resolve(ctx.audit.verify()),
  };
}
