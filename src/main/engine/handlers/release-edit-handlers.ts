// releases.update and releases.delete: the Rights page's release editor. Apart from the
// other rights handlers only so each stays small; same rules: the audit row is written in
// the change's own transaction.
import { PackshotError } from '../../../shared/errors';
import { writeTransaction } from '../db/write-transaction';
import { ReleaseRepo } from '../repositories/release-repo';
import type { EngineContext, HandlerGroup } from './engine-context';

export function releaseEditHandlers(
  ctx: EngineContext,
): HandlerGroup<'releases.update' | 'releases.delete'> {
  const { db, audit } = ctx;
  const releases = new ReleaseRepo(db);
  // A release's terms feed the rights check: views of assets read them again.
  const changed = <T>(value: T): Promise<T> => {
    ctx.bus.emit('assets.changed', { catalogId: null });
    return Promise.resolve(value);
  };
  return {
    'releases.update': ({ id, ...r }) =>
      changed(
        writeTransaction(db, () => {
          const before = releases.get(id);
          const updated = before && releases.update(id, r) ? releases.get(id) : null;
          if (!updated) throw new PackshotError('not_found', `No release ${id}`);
          const subject = { kind: 'release', id };
          audit.record({ action: 'release.update', subject, before, after: updated });
          return updated;
        }),
      ),
    'releases.delete': ({ id }) =>
      changed({
        deleted: writeTransaction(db, () => {
          const before = releases.get(id);
          if (!before || !releases.delete(id)) return false;
          audit.record({ action: 'release.delete', subject: { kind: 'release', id }, before });
          return true;
        }),
      }),
  };
}
