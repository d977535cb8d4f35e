import type { AssetMetadata } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import type { AssetQueryRepo } from '../repositories/asset-query-repo';
import type { IndexWriteRepo } from '../repositories/index-write-repo';
import type { SidecarRepo } from '../repositories/sidecar-repo';
import { forgetSidecars } from '../tools/metadata/find-sidecars';
import { readSegments, toAssetMetadata } from '../tools/metadata/read-metadata';
import { readSidecars } from '../tools/metadata/read-sidecars';
import { fileTagPaths } from '../../../shared/tag-path';
import type { TagRepo } from '../repositories/tag-repo';
import { cameraName } from './index-asset';
import { writeTransaction } from '../db/write-transaction';

export interface RereadDeps {
  db: Db;
  files: AssetFileRepo;
  writes: IndexWriteRepo;
  assets: AssetQueryRepo;
  tags: TagRepo;
  sidecars: SidecarRepo;
}

const READS_METADATA = new Set(['image', 'raw', 'vector']);

/**
 * An asset's sidecar changed but its file did not: reads the file's embedded metadata and
 * its sidecars again and updates what they feed (metadata, keywords as tags, rating and
 * label), leaving hash, pixels, thumbnail and analysis as they are. Returns whether the
 * asset's metadata was updated; a file that cannot be read keeps what it had.
 */
export async function rereadMetadata(deps: RereadDeps, id: number): Promise<boolean> {
  const file = deps.files.locate(id);
  if (!file) return false;
  forgetSidecars(file.catalogPath, file.relPath); // the folder's listing may predate the change
  const { sidecars, stamps } = await readSidecars(file.catalogPath, file.relPath);
  if (file.state !== 'ok' || !READS_METADATA.has(file.kind)) {
    // Indexing reads no metadata for these; only remember the sidecar was seen.
    deps.sidecars.recordRead(file.catalogId, file.relPath, stamps);
    return false;
  }
  const before = deps.assets.detail(id)?.metadata ?? null;
  const embedded = await readSegments(file.path);
  const metadata: AssetMetadata = toAssetMetadata(embedded, sidecars, {
    colorSpace: before?.colorSpace ?? null,
    iccProfile: before?.iccProfile ?? null,
    bitDepth: before?.bitDepth ?? null,
    hasAlpha: before?.hasAlpha ?? null,
  });
  // One transaction, as an index result is: the metadata never lands without its tags.
  writeTransaction(deps.db, () => {
    deps.writes.markMetadata(id, {
      orientation: metadata.orientation,
      capturedAt: metadata.capturedAt,
      camera: cameraName(metadata.make, metadata.model),
      metadata,
    });
    deps.tags.setFileTags(id, fileTagPaths(metadata.keywords, metadata.hierarchicalKeywords));
    deps.writes.applyFileCulling(id, metadata.rating, metadata.label);
    deps.sidecars.recordRead(file.catalogId, file.relPath, stamps);
  });
  return true;
}
