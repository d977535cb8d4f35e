import type { LicenceSummary } from '../../../shared/methods/licences-methods';
import { PackshotError } from '../../../shared/errors';
import type { RightsUse } from '../rights/check-rights';
import { addDays, checkRights } from '../rights/check-rights';
import { mediumOf } from '../rights/channel-medium';
import { writeTransaction } from '../db/write-transaction';
import { ApprovalRepo } from '../repositories/approval-repo';
import { LicenceRepo } from '../repositories/licence-repo';
import { PresetRepo } from '../repositories/preset-repo';
import { ReleaseRepo } from '../repositories/release-repo';
import { REVIEWER_KEY, reviewerName } from '../repositories/reviewer-name';
import { loadRightsFacts } from '../repositories/rights-facts';
import { RightsNoticeRepo } from '../repositories/rights-notice-repo';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

// releases.update / delete: release-edit-handlers.ts.
type Ns = Exclude<
  NamespaceMethods<'licences' | 'releases' | 'approvals' | 'rights'>,
  'releases.update' | 'releases.delete'
>;

export const today = (): string => new Date().toISOString().slice(0, 10);

function status(l: { startsOn: string | null; endsOn: string | null; warnDays: number }) {
  const now = today();
  if (l.startsOn !== null && l.startsOn > now) return 'not-started' as const;
  if (l.endsOn === null) return 'active' as const;
  if (l.endsOn < now) return 'expired' as const;
  return l.endsOn <= addDays(now, l.warnDays) ? ('expiring' as const) : ('active' as const);
}

/**
 * licences.*, releases.*, approvals.*, rights.*: the rights of assets and the one check.
 * Every change records its audit row inside its own writeTransaction, so a change rolled
 * back leaves no row and a row never outlives its change.
 */
export function rightsHandlers(ctx: EngineContext): HandlerGroup<Ns> {
  const { db } = ctx;
  const licences = new LicenceRepo(db);
  const releases = new ReleaseRepo(db);
  const approvals = new ApprovalRepo(db);
  const presets = new PresetRepo(db);
  const notices = new RightsNoticeRepo(db);
  const ids = (a: { assetIds?: number[]; query?: string }): number[] =>
    a.assetIds ?? ctx.idsFor(a.query ?? '');
  const changed = <T>(value: T): Promise<T> => {
    ctx.bus.emit('assets.changed', { catalogId: null });
    return Promise.resolve(value);
  };
  const requireLicence = (id: number): void => {
    if (!licences.get(id)) throw new PackshotError('not_found', `No licence ${id}`);
  };
  const reviewer = (): string => reviewerName(db);
  const audit = ctx.audit;

  return {
    'licences.list': ({ expiringDays }) => {
      const by = expiringDays === undefined ? undefined : addDays(today(), expiringDays);
      const out: LicenceSummary[] = licences.list(by).map((l) => ({ ...l, status: status(l) }));
      return Promise.resolve(out);
    },
    'licences.create': (l) =>
      changed({
        id: writeTransaction(db, () => {
          const id = licences.create(l);
          audit.record({ action: 'licence.create', subject: { kind: 'licence', id }, after: l });
          return id;
        }),
      }),
    'licences.update': ({ id, ...l }) =>
      changed(
        writeTransaction(db, () => {
          const before = licences.get(id);
          const updated = before && licences.update(id, l) ? licences.get(id) : null;
          if (!updated) throw new PackshotError('not_found', `No licence ${id}`);
          audit.record({
            action: 'licence.update',
            subject: { kind: 'licence', id },
            before,
            after: updated,
          });
          return updated;
        }),
      ),
    'licences.delete': ({ id }) =>
      changed({
        deleted: writeTransaction(db, () => {
          const before = licences.get(id);
          if (!before || !licences.delete(id)) return false;
          audit.record({ action: 'licence.delete', subject: { kind: 'licence', id }, before });
          return true;
        }),
      }),
    'licences.attach': (a) => {
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => {
          requireLicence(a.licenceId);
          const added = licences.attach(a.licenceId, targets);
          const subject = { kind: 'licence', id: a.licenceId };
          audit.record({ action: 'licence.attach', subject, after: { assetIds: targets, added } });
          return added;
        }),
      });
    },
    'licences.detach': (a) => {
      requireLicence(a.licenceId);
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => {
          const removed = licences.detach(a.licenceId, targets);
          const subject = { kind: 'licence', id: a.licenceId };
          audit.record({
            action: 'licence.detach',
            subject,
            after: { assetIds: targets, removed },
          });
          return removed;
        }),
      });
    },
    'licences.assign': (a) => {
      const targets = ids(a);
      return changed(
        writeTransaction(db, () => {
          // Each asset's licences before: assign replaces them all with this one.
          const held = licences.forAssets(targets);
          const before = Object.fromEntries(
            targets.map((id) => [id, (held.get(id) ?? []).map((l) => l.id)]),
          );
          let licenceId = licences.findSame(a.licence);
          if (licenceId === null) {
            licenceId = licences.create(a.licence);
            const subject = { kind: 'licence', id: licenceId };
            audit.record({ action: 'licence.create', subject, after: a.licence });
          }
          const attached = licences.attach(licenceId, targets);
          const detached = licences.detachOthers(licenceId, targets);
          audit.record({
            action: 'licence.assign',
            subject: { kind: 'licence', id: licenceId },
            before,
            after: { assetIds: targets, attached, detached },
          });
          return { licenceId, assets: targets.length, attached, detached };
        }),
      );
    },

    'releases.create': ({ assetIds, query, ...r }) => {
      const targets = assetIds || query !== undefined ? ids({ assetIds, query }) : [];
      return changed(
        writeTransaction(db, () => {
          const id = releases.create(r);
          const attached = releases.attach(id, targets);
          audit.record({
            action: 'release.create',
            subject: { kind: 'release', id },
            after: { ...r, assetIds: targets, attached },
          });
          return { id, attached };
        }),
      );
    },
    'releases.attach': (a) => {
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => {
          if (!releases.get(a.releaseId))
            throw new PackshotError('not_found', `No release ${a.releaseId}`);
          const added = releases.attach(a.releaseId, targets);
          const subject = { kind: 'release', id: a.releaseId };
          audit.record({ action: 'release.attach', subject, after: { assetIds: targets, added } });
          return added;
        }),
      });
    },
    'releases.list': () => Promise.resolve(releases.list()),

    'approvals.set': (a) => {
      const targets = ids(a);
      const who = a.who ?? reviewer();
      const done = writeTransaction(db, () => {
        const before = approvals.factsFor(targets);
        const decided = approvals.record(targets, { state: a.state, who, comment: a.comment });
        for (const { assetId, hash } of decided)
          audit.record({
            action: 'approval.set',
            subject: { kind: 'asset', id: assetId },
            before: { state: before.get(assetId)?.approval ?? null },
            after: { state: a.state, hash, comment: a.comment },
            who,
          });
        return decided;
      });
      return changed({ changed: done.length, skipped: targets.length - done.length, who });
    },
    'approvals.history': ({ assetId }) => {
      const asset = ctx.assets.detail(assetId);
      if (!asset) throw new PackshotError('not_found', `No asset with id ${assetId}`);
      return Promise.resolve({ current: asset.hash, decisions: approvals.history(assetId) });
    },
    'approvals.reviewer': () => Promise.resolve({ name: reviewer() }),
    'approvals.setReviewer': ({ name }) => {
      writeTransaction(db, () => approvals.setSetting(REVIEWER_KEY, name));
      return Promise.resolve({ name });
    },

    'rights.check': (a) => {
      const targets = ids(a);
      const preset = a.presetId === undefined ? null : presets.require(a.presetId);
      const use: RightsUse = {
        channel: a.channel ?? preset?.channel ?? null,
        medium: a.medium ?? (preset ? mediumOf(preset) : null),
        territory: a.territory ?? null,
        date: a.date ?? today(),
        requireApproval: a.requireApproval ?? preset?.requireApproval ?? false,
        requireLicence: a.requireLicence ?? preset?.requireLicence ?? false,
      };
      const facts = loadRightsFacts(db, targets);
      return Promise.resolve(
        targets.flatMap((assetId) => {
          const f = facts.get(assetId);
          return f ? [{ assetId, ...checkRights(f, use) }] : [];
        }),
      );
    },
    'rights.get': ({ id }) => {
      const f = loadRightsFacts(db, [id]).get(id);
      if (!f) throw new PackshotError('not_found', `No asset with id ${id}`);
      return Promise.resolve({
        licences: [...f.licences],
        releases: [...f.releases],
        approval: f.approval,
        claims: f.fileClaims ?? null,
      });
    },
    'rights.notices': () => Promise.resolve(notices.notices(today())),
    'rights.recheck': () => Promise.resolve({ jobId: ctx.rightsDaily() }),
  };
}
