// Lands a pack's videos, posters and manuals, one at a time (ffmpeg uses every core itself):
// a video that passes and a manual are cloned or copied as they are, a video that does not is
// transcoded by ffmpeg, each into a temporary file beside the target that is fsync'd,
// journalled, then renamed into view, as the images are. The poster is a JPEG from ffmpeg,
// written like an image. The original is only read; a file in the way that Packshot did not
// write is never replaced.
import { constants, createReadStream } from 'node:fs';
import { copyFile, lstat, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { faultPoint } from '../../faults/fault-points';
import { syncFile, writeDurably } from '../../tools/files/durable-files';
import {
  extractPoster,
  transcodeVideo,
  type TranscodeSettings,
} from '../../tools/ffmpeg/transcode-video';
import { jpegSize } from '../../tools/sharp/jpeg-size';
import type { PackState } from './manifest';
import { packEntry, type KindFields } from './pack-entry';
import type { PackLock } from './pack-lock';
import type { PackPaths } from './pack-paths';
import type { PlannedFile } from './plan-pack';
import type { VideoJob } from './plan-videos';
import { inTheWay, sameBytes } from './landed-files';
import { writeAtomic } from './write-atomic';

export interface VideoLanding {
  paths: PackPaths;
  state: PackState;
  lock: PackLock | null;
  signal: AbortSignal;
  /** The file being made, for progress. */
  current: (file: string) => void;
  failed: (f: PlannedFile, error: unknown) => void;
}

/** A file settled: written by this run into `folder` (fsync'd once at the end), or null
 *  when it was already there with exactly these bytes (a manifest that lost its line). */
export type Landed = (f: PlannedFile, written: Written) => void;

/** Landed here, after the images, rather than rendered: a video, its poster, a manual. */
export const landsApart = (f: PlannedFile): boolean =>
  f.video !== undefined || f.document !== undefined;

export async function exportVideos(
  files: readonly PlannedFile[],
  ctx: VideoLanding,
  landed: Landed,
): Promise<void> {
  // One read of each source for its hash, shared by its video and poster.
  const hashes = new Map<string, Promise<string>>();
  const sourceHash = (path: string): Promise<string> => {
    let h = hashes.get(path);
    if (!h) hashes.set(path, (h = hashFile(path)));
    return h;
  };
  for (const f of files) {
    if (ctx.signal.aborted) break;
    const how = copyingOf(f);
    if (!how) continue;
    ctx.current(f.path);
    try {
      if (f.video?.part === 'poster') landed(f, await landPoster(f, f.video, ctx, sourceHash));
      else landed(f, await landFile(f, how, ctx, sourceHash));
    } catch (error) {
      ctx.failed(f, error);
    }
  }
}

/** How a file is made from its source (a copy, or ffmpeg's transcode) and what its line says. */
interface Copying {
  /** Null: cloned or copied as it is. */
  transcode: TranscodeSettings | null;
  timeoutMs: number;
  /** The channel's limit, checked again on a transcoded file. */
  maxBytes: number | null;
  fields: KindFields;
}

function copyingOf(f: PlannedFile): Copying | null {
  if (f.video) return { ...f.video, fields: videoFields(f.video) };
  if (f.document)
    return {
      transcode: null,
      timeoutMs: 0,
      maxBytes: null,
      fields: { width: 0, height: 0, kind: 'document', pages: f.document.pages },
    };
  return null;
}

function videoFields(job: VideoJob): KindFields {
  return {
    width: job.width,
    height: job.height,
    kind: job.part,
    ...(job.part === 'video'
      ? { durationMs: job.durationMs, codec: job.codec, audioCodec: job.audioCodec }
      : {}),
  };
}

async function landFile(
  f: PlannedFile,
  job: Copying,
  ctx: VideoLanding,
  sourceHash: (path: string) => Promise<string>,
): Promise<Written> {
  const target = await ctx.paths.folderFor(f.path);
  const hash = await sourceHash(f.image.path);
  if (await inTheWay(ctx.paths, ctx.state, f.path)) {
    // A copy already there, byte for byte (its manifest line lost): adopted, not copied.
    if (!job.transcode && (await hashFile(target)) === hash) {
      const s = await lstat(target);
      await ctx.state.add(packEntry(f, job.fields, hash, hash, s));
      return null;
    }
    throw inTheWayError(f);
  }
  if (ctx.lock?.lost) await ctx.lock.assertHeld();
  let bytes = 0;
  await writeDurably(target, '', {
    write: async (temp) => {
      if (job.transcode)
        await transcodeVideo(f.image.path, temp, job.transcode, job.timeoutMs, ctx.signal);
      // A clone where the file system makes one (free and instant), else a plain copy.
      else await copyFile(f.image.path, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      await syncFile(temp);
    },
    beforePlace: async (temp) => {
      faultPoint('export.after-temp-write');
      const s = await stat(temp);
      if (job.transcode && job.maxBytes !== null && s.size > job.maxBytes)
        throw new Error(
          `transcoded to ${s.size} bytes, over the channel's limit of ${job.maxBytes}; lower the preset's size target`,
        );
      const sha = job.transcode ? await hashFile(temp) : hash;
      bytes = s.size;
      await ctx.state.add(packEntry(f, job.fields, sha, hash, s));
      faultPoint('export.before-rename');
    },
    syncFolder: false,
  });
  faultPoint('export.after-rename');
  return { bytes, folder: dirname(target) };
}

async function landPoster(
  f: PlannedFile,
  job: VideoJob,
  ctx: VideoLanding,
  sourceHash: (path: string) => Promise<string>,
): Promise<Written> {
  const target = await ctx.paths.folderFor(f.path);
  const hash = await sourceHash(f.image.path);
  const jpeg = await extractPoster(f.image.path, job.posterAtMs, job, job.timeoutMs, ctx.signal);
  const sha = createHash('sha256').update(jpeg).digest('hex');
  const size = jpegSize(jpeg) ?? { width: job.width, height: job.height };
  const poster = { ...job, ...size };
  if (await inTheWay(ctx.paths, ctx.state, f.path)) {
    if (!(await sameBytes(target, jpeg))) throw inTheWayError(f);
    const s = await lstat(target);
    await ctx.state.add(packEntry(f, videoFields(poster), sha, hash, s));
    return null;
  }
  if (ctx.lock?.lost) await ctx.lock.assertHeld();
  await writeAtomic(target, jpeg, {
    beforeRename: (landed) =>
      ctx.state.add(
        packEntry(f, videoFields(poster), sha, hash, { size: landed.bytes, ...landed }),
      ),
    points: { written: 'export.after-temp-write', beforeRename: 'export.before-rename' },
  });
  faultPoint('export.after-rename');
  return { bytes: jpeg.length, folder: dirname(target) };
}

type Written = { bytes: number; folder: string } | null;

function inTheWayError(f: PlannedFile): Error {
  return new Error(
    `${f.path}: a file Packshot did not write (or one changed since) is in the way and was left as it is; move it, then export again`,
  );
}

/** sha256 of a file read as a stream (a video may not fit in memory). */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
