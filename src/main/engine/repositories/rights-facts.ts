import type { Db } from '../db/open-database';
import type { RightsFacts } from '../rights/check-rights';
import { ApprovalRepo } from './approval-repo';
import { LicenceRepo } from './licence-repo';
import { ReleaseRepo } from './release-repo';

/** What the rights check needs of each asset, loaded for many at once (four queries). */
export function loadRightsFacts(db: Db, assetIds: readonly number[]): Map<number, RightsFacts> {
  const licences = new LicenceRepo(db).forAssets(assetIds);
  const releases = new ReleaseRepo(db).forAssets(assetIds);
  const facts = new ApprovalRepo(db).factsFor(assetIds);
  const out = new Map<number, RightsFacts>();
  for (const id of assetIds) {
    const f = facts.get(id);
    if (!f) continue;
    out.set(id, {
      licences: licences.get(id) ?? [],
      releases: releases.get(id) ?? [],
      approval: f.approval,
      personInFrame: f.person,
      fileClaims: f.claims,
    });
  }
  return out;
}
