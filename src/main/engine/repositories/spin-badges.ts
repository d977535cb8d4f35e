// A spin's cover frame, as lists and details show it: kind 'spin' and the spin's badge (name,
// frame count, first warning). Read for a page's rows after the page query, as rights badges
// are: a column would be computed for every match before the sort.
import type { AssetKind } from '../../../shared/dto';
import { emptyFacts, type MediaFacts } from '../../../shared/media-facts';
import type { SpinBadge } from '../../../shared/spin-dto';
import type { Db } from '../db/open-database';
import { SpinRepo } from './spin-repo';
import { spinWarnings } from './spin-warnings';

export function spinBadges(
  db: Db,
  ids: readonly number[],
): Map<number, { kind: AssetKind; spin: SpinBadge }> {
  const out = new Map<number, { kind: AssetKind; spin: SpinBadge }>();
  const repo = new SpinRepo(db);
  for (const [cover, badge] of repo.badges(ids)) {
    const warning = spinWarnings(repo.frameFiles(badge.id))[0] ?? null;
    out.set(cover, { kind: 'spin', spin: { ...badge, warning } });
  }
  return out;
}

/** A spin's facts are its frame count (MediaFacts.frames), over what its cover's file has. */
export function withSpinFrames(
  facts: MediaFacts | null,
  spin: SpinBadge | undefined,
): MediaFacts | null {
  if (!spin) return facts;
  const base = facts ?? emptyFacts();
  return { ...base, frames: spin.frames, detail: { ...base.detail, spin: spin.name } };
}
