// XMP write-back as a durable job: an edit queues the ids it touched (bursts fold into one
// queued row), the handler writes what the database says at run time, so a crash between
// the edit and the write is made good by the next engine.
import { readFile, stat } from 'node:fs/promises';
import { faultPoint } from '../faults/fault-points';
import type { XmpTargetRepo } from '../repositories/xmp-target-repo';
import type { JobRegistry } from '../jobs/job-registry';
import type { MediaCache } from '../media/media-cache';
import type { VersionStore } from '../media/version-store';
import { readAndHash } from '../media/read-and-hash';
import type { XmpWriter, XmpWritten } from '../tools/exiftool/xmp-writer';

export const XMP_JOB = 'xmp.write';
const CHUNK = 50;

export interface XmpJobArgs {
  ids: number[];
}

/** Defines the job; returns what an edit calls with the assets it touched. */
export function defineXmpJob(
  registry: JobRegistry,
  targets: XmpTargetRepo,
  writer: XmpWriter,
  cache: MediaCache,
  store?: VersionStore,
): (ids: readonly number[]) => void {
  const type = registry.define<XmpJobArgs, { written: number }>({
    name: XMP_JOB,
    concurrency: 1,
    // Short work the user asked for: a closing engine writes it before it goes.
    onClose: 'finish',
    label: ({ ids }) => `Write XMP for ${ids.length} ${ids.length === 1 ? 'file' : 'files'}`,
    merge: (queued, next) => ({ ids: [...new Set([...queued.ids, ...next.ids])] }),
    run: async (ctx) => {
      const { ids } = ctx.args;
      let written = 0;
      for (let i = 0; i < ids.length && !ctx.signal.aborted; i += CHUNK) {
        faultPoint('xmp.between-files');
        const batch = targets.targets(ids.slice(i, i + CHUNK));
        for (const w of await writer.write(batch)) await recordOwnWrite(targets, cache, w, store);
        written += batch.length;
        ctx.progress(Math.min(ids.length, i + CHUNK), ids.length);
      }
      return { written };
    },
  });
  return (ids) => {
    // Write-back is off by default: then no row at all.
    if (ids.length > 0 && targets.writing()) type.enqueue({ ids: [...ids] });
  };
}

/**
 * A file written into now has new content that is still the same version to its owner:
 * hashed as indexing hashes it and recorded as Packshot's, with its derived media carried
 * over from the old hash (they are keyed by content, and the pixels did not change).
 */
async function recordOwnWrite(
  targets: XmpTargetRepo,
  cache: MediaCache,
  { target, file }: XmpWritten,
  store?: VersionStore,
): Promise<void> {
  if (target.hash === null) return;
  try {
    const s = await stat(file);
    // Only images are written into, and indexing hashes an image whole.
    const { hash } = await readAndHash(file, s.size, false);
    // The version takes the written hash: where its old bytes were kept as a clone, so are
    // these (a clone again, never a full copy; it throws where the volume cannot). Kept
    // before the row says so, so the version is never listed as not kept meanwhile.
    if (store?.has(target.hash)) await store.keepClone(file, hash).catch(() => false);
    if (
      !targets.recordWritten(target.assetId, target.hash, {
        hash,
        bytes: s.size,
        mtimeMs: s.mtimeMs,
      })
    )
      return;
    for (const kind of ['thumb', 'preview'] as const)
      if (cache.has(kind, target.hash) && !cache.has(kind, hash))
        await cache.write(kind, hash, await readFile(cache.pathFor(kind, target.hash)));
  } catch (error) {
    // The next scan reads the file again: at worst it records a version too many.
    console.warn(`packshot: could not record the XMP write to ${file}: ${String(error)}`);
  }
}
