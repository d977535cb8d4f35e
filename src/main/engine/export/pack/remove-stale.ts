import { rm } from 'node:fs/promises';
import { landedAsRecorded } from './landed-files';
import type { PackState } from './manifest';
import type { PackPaths } from './pack-paths';

export interface StaleScope {
  /** Only files of these presets… */
  presetIds: ReadonlySet<string>;
  /** …and of these products (null: every product) are this run's to remove. */
  productScope: ReadonlySet<number> | null;
  /** What this run plans to keep. */
  keep: ReadonlySet<string>;
  dryRun: boolean;
}

/**
 * Removes the files an earlier run of this pack wrote that no longer belong (of these
 * presets and products only). A file the user has since changed is left alone and forgotten;
 * a journal line pointing outside the pack is forgotten without touching anything.
 */
export async function removeStale(
  paths: PackPaths,
  state: PackState,
  scope: StaleScope,
): Promise<{ removed: number; dirty: boolean }> {
  let removed = 0;
  let dirty = false;
  const stale = [...state.entries.values()].filter(
    (e) =>
      scope.presetIds.has(e.presetId) &&
      (scope.productScope === null || scope.productScope.has(e.productId)) &&
      !scope.keep.has(e.file),
  );
  for (const e of stale) {
    if (scope.dryRun) {
      removed++;
      continue;
    }
    if (!(await paths.isInside(e.file))) {
      // A manifest edited by hand to point outside the pack, or a folder since replaced by a
      // link leading out: forget the line, touch nothing.
      await state.remove(e.file);
      dirty = true;
      continue;
    }
    if (await landedAsRecorded(paths, e)) {
      await rm(paths.resolve(e.file), { force: true });
      removed++;
    }
    await state.remove(e.file);
    await paths.pruneEmpty(e.file);
    dirty = true;
  }
  return { removed, dirty };
}
