import type { SidecarStamp } from '../repositories/sidecar-repo';
import type { FileSeen } from '../repositories/asset-file-repo';
import { sidecarCandidates } from '../tools/metadata/find-sidecars';

export interface SidecarChanges {
  /** Relative paths of files whose sidecars are new, changed or gone since last read. */
  owners: Set<string>;
  /** Changed sidecars that describe no file: remembered as they are now. */
  orphans: SidecarStamp[];
  /** Gone sidecars that described no file: forgotten. */
  orphansGone: string[];
}

/**
 * Compares the sidecars a walk saw with those recorded when metadata was last read. Only
 * differences cost anything: with no sidecar changed, this is one Map lookup per sidecar.
 */
export function sidecarChanges(
  seen: readonly SidecarStamp[],
  known: Map<string, { bytes: number; mtimeMs: number }>,
  files: readonly FileSeen[],
): SidecarChanges {
  const changed: SidecarStamp[] = [];
  const gone = new Set(known.keys());
  for (const s of seen) {
    gone.delete(s.relPath);
    const k = known.get(s.relPath);
    if (!k || k.bytes !== s.bytes || k.mtimeMs !== s.mtimeMs) changed.push(s);
  }
  const result: SidecarChanges = { owners: new Set(), orphans: [], orphansGone: [] };
  if (changed.length === 0 && gone.size === 0) return result;

  // Which file each sidecar name would describe (both namings), from this walk.
  const describes = new Map<string, string[]>();
  for (const file of files) {
    for (const candidate of sidecarCandidates(file.relPath)) {
      const list = describes.get(candidate);
      if (list) list.push(file.relPath);
      else describes.set(candidate, [file.relPath]);
    }
  }
  for (const s of changed) {
    const owners = describes.get(s.relPath);
    if (owners) for (const o of owners) result.owners.add(o);
    else result.orphans.push(s);
  }
  for (const rel of gone) {
    const owners = describes.get(rel);
    if (owners) for (const o of owners) result.owners.add(o);
    else result.orphansGone.push(rel);
  }
  return result;
}
