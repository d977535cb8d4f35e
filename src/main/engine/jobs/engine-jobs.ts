// The engine's job registry and the small jobs defined over engine parts (XMP write-back,
// preview pruning); export defines its own in its handlers, index through trackQueue.
import type { AssetRepo } from '../catalog/asset-repo';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import type { MediaCache } from '../media/media-cache';
import { definePruneJob } from '../media/prune-job';
import { JobRepo } from '../repositories/job-repo';
import { defineXmpJob } from '../xmp/xmp-job';
import type { XmpWriter } from '../xmp/xmp-writer';
import { JobRegistry } from './job-registry';

export interface EngineJobs {
  registry: JobRegistry;
  /** Queues XMP write-back of these assets (nothing when no catalog writes XMP). */
  writeXmp: (ids: readonly number[]) => void;
  /** Queues a trim of the preview cache to its budget. */
  prunePreviews: () => void;
}

export interface EngineJobsParts {
  db: Db;
  bus: EventBus;
  assets: AssetRepo;
  xmp: XmpWriter;
  cache: MediaCache;
}

export function engineJobs(
  parts: EngineJobsParts,
  options: { resumeJobs?: boolean; watch?: boolean; previewCacheBytes?: number },
): EngineJobs {
  const registry = new JobRegistry(new JobRepo(parts.db), {
    // Long-lived engines take over what dead processes left; one-shot commands do not.
    adopt: options.resumeJobs ?? options.watch ?? false,
    onChange: (job) => parts.bus.emit('jobs.changed', { job }),
  });
  return {
    registry,
    writeXmp: defineXmpJob(registry, parts.assets, parts.xmp),
    prunePreviews: definePruneJob(registry, parts.cache, options.previewCacheBytes),
  };
}
