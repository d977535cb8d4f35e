import type { ApprovalState } from '../../../shared/rights-dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import type { EditLog } from '../edit/edit-log';
import { part, type KindName } from '../edit/undo-kind';
import { ApprovalRepo } from '../repositories/approval-repo';
import type { AuditLog } from '../repositories/audit-log-repo';
import { LicenceRepo, type LicenceInput } from '../repositories/licence-repo';
import { ReleaseRepo } from '../repositories/release-repo';
import { RightsUndoRepo, type LinkPair } from '../repositories/rights-undo-repo';
import {
  APPROVAL_DECISIONS,
  LICENCE_LINKS,
  RELEASE_LINKS,
  registerRightsUndo,
  type RightsLinks,
} from './rights-undo-kinds';

const VERBS: Record<Exclude<ApprovalState, 'draft'>, string> = {
  approved: 'Approve',
  rejected: 'Reject',
  'in-review': 'Mark in review',
};

const count = (n: number): string => `${n} asset${n === 1 ? '' : 's'}`;

/**
 * Rights edits as undoable steps: approval decisions and licence / release links. Each
 * records its audit rows and its step in one transaction (the edit log's), so an edit,
 * its audit row and its undo step commit or roll back together.
 */
export class RightsEdits {
  private readonly approvals: ApprovalRepo;
  private readonly licences: LicenceRepo;
  private readonly releases: ReleaseRepo;
  private readonly rows: RightsUndoRepo;

  constructor(
    db: Db,
    private readonly edits: EditLog,
    private readonly audit: AuditLog,
  ) {
    this.approvals = new ApprovalRepo(db);
    this.licences = new LicenceRepo(db);
    this.releases = new ReleaseRepo(db);
    this.rows = new RightsUndoRepo(db);
    registerRightsUndo(edits, this.rows, this.approvals, audit);
  }

  /** Records a decision on each asset's current content; returns the assets decided on. */
  setApproval(
    targets: readonly number[],
    d: { state: Exclude<ApprovalState, 'draft'>; who: string; comment: string | null },
  ): { assetId: number; hash: string }[] {
    let decided: { assetId: number; hash: string }[] = [];
    this.edits.step(`${VERBS[d.state]} ${count(targets.length)}`, () => {
      const before = this.approvals.statesFor(targets);
      const last = this.rows.lastDecisionId();
      decided = this.approvals.record(targets, d);
      for (const { assetId, hash } of decided)
        this.audit.record({
          action: 'approval.set',
          subject: { kind: 'asset', id: assetId },
          before: { state: before.get(assetId) ?? null },
          after: { state: d.state, hash, comment: d.comment },
          who: d.who,
        });
      // Under the IMMEDIATE lock nobody else writes: every row after `last` is ours.
      const decisions = this.rows.decisionsAfter(last);
      const parts = decisions.length > 0 ? [part(APPROVAL_DECISIONS, { decisions })] : [];
      return { parts, changed: decisions.length };
    });
    return decided;
  }

  attachLicence(licenceId: number, targets: readonly number[]): number {
    const name = this.licences.get(licenceId)?.name ?? String(licenceId);
    let added: LinkPair[] = [];
    this.edits.step(`Attach licence “${name}” to ${count(targets.length)}`, () => {
      this.requireLicence(licenceId);
      added = this.rows.addLinks('licence', pairs(targets, licenceId));
      this.audit.record({
        action: 'licence.attach',
        subject: { kind: 'licence', id: licenceId },
        after: { assetIds: targets, added: added.length },
      });
      return linkStep(LICENCE_LINKS, added, []);
    });
    return added.length;
  }

  detachLicence(licenceId: number, targets: readonly number[]): number {
    const name = this.licences.get(licenceId)?.name ?? String(licenceId);
    let removed: LinkPair[] = [];
    this.edits.step(`Detach licence “${name}” from ${count(targets.length)}`, () => {
      this.requireLicence(licenceId);
      removed = this.rows.removeLinks('licence', pairs(targets, licenceId));
      this.audit.record({
        action: 'licence.detach',
        subject: { kind: 'licence', id: licenceId },
        after: { assetIds: targets, removed: removed.length },
      });
      return linkStep(LICENCE_LINKS, [], removed);
    });
    return removed.length;
  }

  /**
   * The assets hold exactly this licence afterwards (one with the same terms is reused).
   * Undo puts their links back; a licence the assign created stays, holding nothing.
   */
  assignLicence(
    licence: LicenceInput,
    targets: readonly number[],
  ): { licenceId: number; assets: number; attached: number; detached: number } {
    let out = { licenceId: 0, assets: targets.length, attached: 0, detached: 0 };
    this.edits.step(`Assign licence “${licence.name}” to ${count(targets.length)}`, () => {
      const held = this.licences.forAssets(targets);
      // The audit row keeps licence ids with how many assets held each: a per-asset map of
      // 100 000 assets would make one row megabytes.
      const before = { assets: targets.length, licences: this.licences.heldCounts(targets) };
      let licenceId = this.licences.findSame(licence);
      if (licenceId === null) {
        licenceId = this.licences.create(licence);
        const subject = { kind: 'licence', id: licenceId };
        this.audit.record({ action: 'licence.create', subject, after: licence });
      }
      const keep = licenceId;
      const added = this.rows.addLinks('licence', pairs(targets, keep));
      const others = targets.flatMap((a) =>
        (held.get(a) ?? []).filter((l) => l.id !== keep).map((l): LinkPair => [a, l.id]),
      );
      const removed = this.rows.removeLinks('licence', others);
      this.audit.record({
        action: 'licence.assign',
        subject: { kind: 'licence', id: keep },
        before,
        after: { assetIds: targets, attached: added.length, detached: removed.length },
      });
      out = { ...out, licenceId: keep, attached: added.length, detached: removed.length };
      return linkStep(LICENCE_LINKS, added, removed);
    });
    return out;
  }

  attachRelease(releaseId: number, targets: readonly number[]): number {
    let added: LinkPair[] = [];
    this.edits.step(`Attach release ${releaseId} to ${count(targets.length)}`, () => {
      if (!this.releases.get(releaseId))
        throw new PackshotError('not_found', `No release ${releaseId}`);
      added = this.rows.addLinks('release', pairs(targets, releaseId));
      this.audit.record({
        action: 'release.attach',
        subject: { kind: 'release', id: releaseId },
        after: { assetIds: targets, added: added.length },
      });
      return linkStep(RELEASE_LINKS, added, []);
    });
    return added.length;
  }

  private requireLicence(id: number): void {
    if (!this.licences.get(id)) throw new PackshotError('not_found', `No licence ${id}`);
  }
}

const pairs = (assetIds: readonly number[], holding: number): LinkPair[] =>
  assetIds.map((a) => [a, holding]);

function linkStep(kind: KindName<RightsLinks>, added: LinkPair[], removed: LinkPair[]) {
  const changed = added.length + removed.length;
  return { parts: changed > 0 ? [part(kind, { added, removed })] : [], changed };
}
