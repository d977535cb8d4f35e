// Spins as the contract shows them: the row, its frame count and its warnings.
import type { Spin, SpinDetail } from '../../../shared/spin-dto';
import type { SpinRepo, SpinRow } from '../repositories/spin-repo';
import { spinWarnings } from '../repositories/spin-warnings';

export function spinList(repo: SpinRepo): Spin[] {
  return repo.rows().map((row) => toSpin(repo, row));
}

export function spinDetail(repo: SpinRepo, id: number): SpinDetail {
  const row = repo.require(id);
  const frames = repo.frameFiles(id);
  return {
    ...base(row, frames.length),
    warnings: spinWarnings(frames),
    frameList: frames.map(({ path: _p, relPath: _r, catalogId: _c, ...frame }) => frame),
  };
}

export function toSpin(repo: SpinRepo, row: SpinRow): Spin {
  const frames = repo.frameFiles(row.id);
  return { ...base(row, frames.length), warnings: spinWarnings(frames) };
}

function base(row: SpinRow, frames: number): Omit<Spin, 'warnings'> {
  return {
    id: row.id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    source: row.source,
    coverAssetId: row.cover_asset_id,
    frames,
  };
}
