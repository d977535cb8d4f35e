// What the user does to "same person" groups: name, merge, split, and attach a release.
// Release links go through the rights edits' own undo kind (releases.links, with its audit
// rows on undo and redo); the group's record of the release is a kind of its own in the
// same step, so one undo takes back both and later faces of that person are not linked.
// Renames, merges and splits are not undo steps: they say who is who, and the user says
// it again by renaming, merging or splitting.
import type { FaceGroup } from '../../../shared/ai-dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { EditLog, StepWork } from '../edit/edit-log';
import { kindName, part, type StepPart } from '../edit/undo-kind';
import { addToCentroid, centroidOf } from '../analysis/face-clusters';
import type { AuditLog } from '../repositories/audit-log-repo';
import { FaceRepo } from '../repositories/face-repo';
import { ReleaseRepo } from '../repositories/release-repo';
import { RightsUndoRepo, type LinkPair } from '../repositories/rights-undo-repo';
import { RELEASE_LINKS } from '../rights-edits/rights-undo-kinds';

/** A release recorded on a group (face_group_releases), by one step. */
interface GroupRelease {
  groupId: number;
  releaseId: number;
}

export const FACE_GROUP_RELEASES = kindName<GroupRelease>('faceGroups.releases');

const photos = (n: number): string => `${n} photo${n === 1 ? '' : 's'}`;

export class FaceGroupEdits {
  private readonly faces: FaceRepo;
  private readonly releases: ReleaseRepo;
  private readonly links: RightsUndoRepo;

  constructor(
    private readonly db: Db,
    private readonly edits: EditLog,
    private readonly audit: AuditLog,
  ) {
    this.faces = new FaceRepo(db);
    this.releases = new ReleaseRepo(db);
    this.links = new RightsUndoRepo(db);
    const signals = ['faceGroups.changed'] as const;
    edits.register({
      name: FACE_GROUP_RELEASES,
      undo: (r) => ({ changed: +this.faces.removeRelease(r.groupId, r.releaseId), signals }),
      redo: (r) => ({ changed: +this.faces.addRelease(r.groupId, r.releaseId), signals }),
    });
  }

  list(): FaceGroup[] {
    return this.faces.list();
  }

  assets(groupId: number): number[] {
    this.require(groupId);
    return this.faces.assetsOf(groupId);
  }

  rename(groupId: number, name: string | null): FaceGroup {
    return writeTransaction(this.db, () => {
      if (!this.faces.rename(groupId, name)) this.missing(groupId);
      return this.group(groupId);
    });
  }

  /** Links the release to every photo of the group, now and (recorded) when more join. */
  attachRelease(groupId: number, releaseId: number): { assets: number; added: number } {
    let out = { assets: 0, added: 0 };
    const name = this.faces.get(groupId)?.name;
    const label = `Attach release ${releaseId} to ${name ? `“${name}”` : 'a face group'}`;
    this.edits.step(label, () => {
      this.require(groupId);
      if (!this.releases.get(releaseId))
        throw new PackshotError('not_found', `No release ${releaseId}`);
      const assets = this.faces.assetsOf(groupId);
      const step = this.linkWork(groupId, [releaseId], assets);
      const recorded = this.faces.addRelease(groupId, releaseId);
      if (recorded) step.parts.push(part(FACE_GROUP_RELEASES, { groupId, releaseId }));
      out = { assets: assets.length, added: step.changed };
      return { parts: step.parts, changed: step.changed + +recorded };
    });
    return out;
  }

  /**
   * Moves every face of `from` into `into` (the user says they are one person): the
   * groups' releases are recorded on `into` and linked to all its photos, as one step.
   */
  merge(into: number, from: readonly number[]): FaceGroup {
    return writeTransaction(this.db, () => {
      this.require(into);
      const others = [...new Set(from)].filter((id) => id !== into);
      for (const id of others) this.require(id);
      let centroid = this.faces.centroidOf(into);
      for (const id of others) {
        const theirs = this.faces.centroidOf(id);
        if (theirs) centroid = centroid ? sum(centroid, theirs) : theirs;
        this.faces.absorb(into, id);
      }
      this.faces.setCentroid(into, centroid);
      const releaseIds = this.faces.releasesOf([into]).get(into) ?? [];
      if (releaseIds.length > 0)
        this.edits.step(`Link the releases of merged face groups`, () =>
          this.linkWork(into, releaseIds, this.faces.assetsOf(into)),
        );
      this.audit.record({
        action: 'faceGroup.merge',
        subject: { kind: 'faceGroup', id: into },
        after: { merged: others },
      });
      return this.group(into);
    });
  }

  /**
   * Moves these faces into a new group ("not this person"), pinned there. A photo split off
   * no longer holds the group's releases, unless a face in it is still in a group with that
   * release: a wrong group must not keep covering a stranger (one undo step re-links them).
   */
  split(groupId: number, faceIds: readonly number[]): FaceGroup {
    return writeTransaction(this.db, () => {
      this.require(groupId);
      const moving = this.faces.facesIn(groupId, faceIds);
      if (moving.length !== new Set(faceIds).size)
        throw new PackshotError('invalid_argument', `Not every face named is in group ${groupId}`);
      let left = this.faces.centroidOf(groupId);
      for (const f of moving) left = left && addToCentroid(left, f.descriptor, -1);
      this.faces.setCentroid(groupId, left);
      const created = this.faces.createGroup(centroidOf(moving.map((f) => f.descriptor)));
      this.faces.assign(
        created,
        moving.map((f) => f.id),
        true,
      );
      this.unlinkSplit(groupId, [...new Set(moving.map((f) => f.assetId))]);
      this.audit.record({
        action: 'faceGroup.split',
        subject: { kind: 'faceGroup', id: groupId },
        after: { faceIds: moving.map((f) => f.id), into: created },
      });
      return this.group(created);
    });
  }

  private unlinkSplit(groupId: number, assetIds: number[]): void {
    const releaseIds = this.faces.releasesOf([groupId]).get(groupId) ?? [];
    if (releaseIds.length === 0) return;
    const groupsNow = this.faces.groupsOfAssets(assetIds);
    const held = this.faces.releasesOf([
      ...new Set([...groupsNow.values()].flatMap((s) => [...s])),
    ]);
    const stillCovered = (asset: number, release: number): boolean =>
      [...(groupsNow.get(asset) ?? [])].some((g) => held.get(g)?.includes(release));
    const pairs = releaseIds.flatMap((r) =>
      assetIds.filter((a) => !stillCovered(a, r)).map((a): LinkPair => [a, r]),
    );
    this.edits.step(
      `Unlink releases from ${photos(assetIds.length)} split off a face group`,
      () => {
        const removed = this.links.removeLinks('release', pairs);
        for (const r of new Set(removed.map(([, id]) => id)))
          this.audit.record({
            action: 'release.detach',
            subject: { kind: 'release', id: r },
            after: {
              assetIds: removed.filter(([, id]) => id === r).map(([a]) => a),
              faceGroupId: groupId,
            },
          });
        const parts = removed.length > 0 ? [part(RELEASE_LINKS, { added: [], removed })] : [];
        return { parts, changed: removed.length };
      },
    );
  }

  /** Links releases to assets with their audit rows (one per release); the step's parts. */
  private linkWork(
    groupId: number,
    releaseIds: readonly number[],
    assets: readonly number[],
  ): StepWork & { parts: StepPart[] } {
    const added: LinkPair[] = [];
    for (const releaseId of releaseIds) {
      const mine = this.links.addLinks(
        'release',
        assets.map((a): LinkPair => [a, releaseId]),
      );
      added.push(...mine);
      this.audit.record({
        action: 'release.attach',
        subject: { kind: 'release', id: releaseId },
        after: { assetIds: assets, added: mine.length, faceGroupId: groupId },
      });
    }
    const parts = added.length > 0 ? [part(RELEASE_LINKS, { added, removed: [] })] : [];
    return { parts, changed: added.length };
  }

  private group(groupId: number): FaceGroup {
    return this.faces.get(groupId) ?? this.missing(groupId);
  }

  private require(groupId: number): void {
    if (!this.faces.exists(groupId)) this.missing(groupId);
  }

  private missing(groupId: number): never {
    throw new PackshotError('not_found', `No face group ${groupId}`);
  }
}

function sum(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((v, i) => v + b[i]!);
}
