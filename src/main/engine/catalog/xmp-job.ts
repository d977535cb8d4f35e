// XMP write-back as a durable job: an edit queues the ids it touched (bursts fold into one
// queued row), the handler writes what the database says at run time, so a crash between
// the edit and the write is made good by the next engine.
import { faultPoint } from '../faults/fault-points';
import type { XmpTargetRepo } from '../repositories/xmp-target-repo';
import type { JobRegistry } from '../jobs/job-registry';
import type { XmpWriter } from '../tools/exiftool/xmp-writer';

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
        await writer.write(batch);
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
