import type { LicenceSummary } from '../../../shared/methods/licences-methods';
import { PackshotError } from '../../../shared/errors';
import type { RightsUse } from '../rights/check-rights';
import { checkRightsIn } from '../rights/check-rights';
import { addDays, licenceStatus, today } from '../rights/licence-dates';
import { mediumOf } from '../rights/channel-medium';
import { writeTransaction } from '../db/write-transaction';
import { ApprovalRepo } from '../repositories/approval-repo';
import { LicenceRepo } from '../repositories/licence-repo';
import { PresetRepo } from '../repositories/preset-repo';
import { ReleaseRepo } from '../repositories/release-repo';
import { REVIEWER_KEY, reviewerName } from '../repositories/reviewer-name';
import { loadRightsFacts } from '../repositories/rights-facts';
import { RightsNoticeRepo } from '../repositories/rights-notice-repo';
import type { RightsEdits } from '../rights-edits/rights-edits';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

// releases.update / delete: release-edit-handlers.ts.
type Ns = Exclude<
  NamespaceMethods<'licences' | 'releases' | 'approvals' | 'rights'>,
  'releases.update' | 'releases.delete'
>;

/**
 * licences.*, releases.*, approvals.*, rights.*: the rights of assets and the one check.
 * Every change records its audit row inside its own writeTransaction, so a change rolled
 * back leaves no row and a row never outlives its change. Approvals and licence / release
 * links go through RightsEdits: undoable steps in the edit log.
 */
export function rightsHandlers(ctx: EngineContext, rightsEdits: RightsEdits): HandlerGroup<Ns> {
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
  /** Channel ids of the licence no preset has: accepted (its preset may come later), said. */
  const channelWarnings = (channels: readonly string[] | null): { warnings?: string[] } => {
    if (!channels?.length) return {};
    const known = new Set(presets.list().map((p) => p.channel));
    const unknown = channels.filter((c) => !known.has(c));
    if (unknown.length === 0) return {};
    const which = unknown.map((c) => `'${c}'`).join(', ');
    return {
      warnings: [
        `no preset has the channel ${which} (misspelt?): the licence is kept as given, and blocks every channel it does not name`,
      ],
    };
  };
  const audit = ctx.audit;

  return {
    'licences.list': ({ expiringDays }) => {
      const day = today();
      const by = expiringDays === undefined ? undefined : addDays(day, expiringDays);
      const out: LicenceSummary[] = licences
        .list(by)
        .map((l) => ({ ...l, status: licenceStatus(l, day) }));
      return Promise.resolve(out);
    },
    'licences.create': (l) =>
      changed({
        id: writeTransaction(db, () => {
          const id = licences.create(l);
          audit.record({ action: 'licence.create', subject: { kind: 'licence', id }, after: l });
          return id;
        }),
        ...channelWarnings(l.channels),
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
          return { ...updated, ...channelWarnings(updated.channels) };
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
      return changed({ changed: rightsEdits.attachLicence(a.licenceId, targets) });
    },
    'licences.detach': (a) => {
      requireLicence(a.licenceId);
      const targets = ids(a);
      return changed({ changed: rightsEdits.detachLicence(a.licenceId, targets) });
    },
    'licences.assign': (a) =>
      changed({
        ...rightsEdits.assignLicence(a.licence, ids(a)),
        ...channelWarnings(a.licence.channels),
      }),

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
      return changed({ changed: rightsEdits.attachRelease(a.releaseId, targets) });
    },
    'releases.list': () => Promise.resolve(releases.list()),

    'approvals.set': (a) => {
      const targets = ids(a);
      const who = a.who ?? reviewer();
      const done = rightsEdits.setApproval(targets, { state: a.state, who, comment: a.comment });
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
          return f ? [{ assetId, ...checkRightsIn(f, use, preset?.territories) }] : [];
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
