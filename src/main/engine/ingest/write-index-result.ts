import { faultPoint } from '../faults/fault-points';
import type { IntakeResult } from '../../../shared/intake-dto';
import type { SimilarIndex } from '../repositories/similar-index';
import type { SidecarRepo, SidecarStamp } from '../repositories/sidecar-repo';
import type { Db } from '../db/open-database';
import { applyIntakeOnIndex } from '../intake/apply-intake';
import type { CatalogIntake } from '../intake/evaluate-intake';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import type { IndexedFields, IndexWriteRepo } from '../repositories/index-write-repo';
import type { VersionRepo } from '../repositories/version-repo';
import { fileTagPaths } from '../../../shared/tag-path';
import type { TagRepo } from '../repositories/tag-repo';
import { writeTransaction } from '../db/write-transaction';
import type { MediaFactsRepo } from '../repositories/media-facts-repo';

export interface WriteDeps {
  db: Db;
  files: AssetFileRepo;
  writes: IndexWriteRepo;
  versions: VersionRepo;
  tags: TagRepo;
  similar: SimilarIndex;
  sidecars: SidecarRepo;
  mediaFacts: MediaFactsRepo;
  intake: CatalogIntake;
  /**
   * What must commit with the index result or not at all (auto-linking by filename rules,
   * the XMP write-back row for intake tags), inside its transaction: written after the
   * commit, a crash in between would lose it for good, since the next scan does not index an
   * unchanged file again. True when it linked.
   */
  withinIndex?: (id: number, intakeTagged: boolean) => boolean;
}

export interface IndexResult {
  id: number;
  file: Located;
  fields: IndexedFields;
  intake: IntakeResult;
  /** The sidecars read with the file (null: none are read for this kind). */
  sidecarStamps: SidecarStamp[] | null;
}

/**
 * Writes one index result in one IMMEDIATE transaction: the row's facts and state, the
 * file's keywords as tags, culling its XMP states, the intake rules' tags, its entry among
 * near-duplicates, its version record and the sidecars it read. A crash at any point
 * leaves the asset either as it was (pending: queued again at start) or fully indexed,
 * never "ok" without its tags. Returns null when the asset was removed meanwhile.
 */
export function writeIndexResult(
  deps: WriteDeps,
  result: IndexResult,
): { intakeTagged: boolean; linked: boolean } | null {
  const { id, file, fields } = result;
  try {
    return writeTransaction(deps.db, () => {
      if (!deps.files.locate(id)) return null;
      if (result.sidecarStamps)
        deps.sidecars.recordRead(file.catalogId, file.relPath, result.sidecarStamps);
      deps.writes.markIndexed(id, fields);
      deps.mediaFacts.replace(id, fields.hash, fields.facts ?? null, fields.text ?? null);
      // The file's own keywords become tags (the user's own tags stay as they are).
      const metadata = fields.metadata;
      deps.tags.setFileTags(
        id,
        metadata ? fileTagPaths(metadata.keywords, metadata.hierarchicalKeywords) : [],
      );
      if (metadata) deps.writes.applyFileCulling(id, metadata.rating, metadata.label);
      faultPoint('scan.index-write');
      const intakeTagged = applyIntakeOnIndex(deps, id, result.intake);
      if (fields.analysis) deps.similar.add(id, fields.analysis.phash);
      deps.writes.releaseCopies(id, fields.hash);
      deps.versions.record(id, {
        hash: fields.hash,
        bytes: file.bytes,
        width: fields.width,
        height: fields.height,
      });
      const linked = fields.state !== 'error' && (deps.withinIndex?.(id, intakeTagged) ?? false);
      return { intakeTagged, linked };
    });
  } catch (error) {
    // The near-duplicate index keeps hashes in memory too: drop what the rollback undid.
    deps.similar.invalidate();
    throw error;
  }
}
