import { userInfo } from 'node:os';
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
import { loadRightsFacts } from '../repositories/rights-facts';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

type Ns = NamespaceMethods<'licences' | 'releases' | 'approvals' | 'rights'>;

const REVIEWER = 'reviewer.name';
export const today = (): string => new Date().toISOString().slice(0, 10);

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // no passwd entry (a container)
  }
}

function status(l: { startsOn: string | null; endsOn: string | null; warnDays: number }) {
  const now = today();
  if (l.startsOn !== null && l.startsOn > now) return 'not-started' as const;
  if (l.endsOn === null) return 'active' as const;
  if (l.endsOn < now) return 'expired' as const;
  return l.endsOn <= addDays(now, l.warnDays) ? ('expiring' as const) : ('active' as const);
}

/**
 * licences.*, releases.*, approvals.*, rights.*: the rights of assets and the one check.
 * TODO(audit): each writeTransaction below records its change with AuditLog.record (the
 * usage branch) inside the same transaction: licence create/update/delete (before, after),
 * attach/detach/assign (licence, asset ids), release create/attach, approval set (per
 * asset: state before and after, hash, comment).
 */
export function rightsHandlers(ctx: EngineContext): HandlerGroup<Ns> {
  const { db } = ctx;
  const licences = new LicenceRepo(db);
  const releases = new ReleaseRepo(db);
  const approvals = new ApprovalRepo(db);
  const presets = new PresetRepo(db);
  const ids = (a: { assetIds?: number[]; query?: string }): number[] =>
    a.assetIds ?? ctx.idsFor(a.query ?? '');
  const changed = <T>(value: T): Promise<T> => {
    ctx.bus.emit('assets.changed', { catalogId: null });
    return Promise.resolve(value);
  };
  const requireLicence = (id: number): void => {
    if (!licences.get(id)) throw new PackshotError('not_found', `No licence ${id}`);
  };
  const reviewer = (): string => approvals.setting(REVIEWER) ?? osUser();

  return {
    'licences.list': ({ expiringDays }) => {
      const by = expiringDays === undefined ? undefined : addDays(today(), expiringDays);
      const out: LicenceSummary[] = licences.list(by).map((l) => ({ ...l, status: status(l) }));
      return Promise.resolve(out);
    },
    'licences.create': (l) => changed({ id: writeTransaction(db, () => licences.create(l)) }),
    'licences.update': ({ id, ...l }) =>
      changed(
        writeTransaction(db, () => {
          const updated = licences.update(id, l) ? licences.get(id) : null;
          if (!updated) throw new PackshotError('not_found', `No licence ${id}`);
          return updated;
        }),
      ),
    'licences.delete': ({ id }) =>
      changed({ deleted: writeTransaction(db, () => licences.delete(id)) }),
    'licences.attach': (a) => {
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => {
          requireLicence(a.licenceId);
          return licences.attach(a.licenceId, targets);
        }),
      });
    },
    'licences.detach': (a) => {
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => licences.detach(a.licenceId, targets)),
      });
    },
    'licences.assign': (a) => {
      const targets = ids(a);
      return changed(
        writeTransaction(db, () => {
          const licenceId = licences.findSame(a.licence) ?? licences.create(a.licence);
          const attached = licences.attach(licenceId, targets);
          const detached = licences.detachOthers(licenceId, targets);
          return { licenceId, assets: targets.length, attached, detached };
        }),
      );
    },

    'releases.create': ({ assetIds, query, ...r }) => {
      const targets = assetIds || query !== undefined ? ids({ assetIds, query }) : [];
      return changed(
        writeTransaction(db, () => {
          const id = releases.create(r);
          return { id, attached: releases.attach(id, targets) };
        }),
      );
    },
    'releases.attach': (a) => {
      const targets = ids(a);
      return changed({
        changed: writeTransaction(db, () => {
          if (!releases.get(a.releaseId))
            throw new PackshotError('not_found', `No release ${a.releaseId}`);
          return releases.attach(a.releaseId, targets);
        }),
      });
    },
    'releases.list': () => Promise.resolve(releases.list()),

    'approvals.set': (a) => {
      const targets = ids(a);
      const who = a.who ?? reviewer();
      const done = writeTransaction(db, () =>
        approvals.record(targets, { state: a.state, who, comment: a.comment }),
      );
      return changed({ changed: done.length, skipped: targets.length - done.length, who });
    },
    'approvals.history': ({ assetId }) => {
      const asset = ctx.assets.detail(assetId);
      if (!asset) throw new PackshotError('not_found', `No asset with id ${assetId}`);
      return Promise.resolve({ current: asset.hash, decisions: approvals.history(assetId) });
    },
    'approvals.reviewer': () => Promise.resolve({ name: reviewer() }),
    'approvals.setReviewer': ({ name }) => {
      writeTransaction(db, () => approvals.setSetting(REVIEWER, name));
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
  };
}
