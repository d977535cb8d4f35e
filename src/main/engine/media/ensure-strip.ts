import { existsSync } from 'node:fs';
import { SCRUB_FRAMES } from '../../../shared/bridge';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import { ffmpegBinaries } from '../tools/ffmpeg/ffmpeg-binaries';
import { probeVideo } from '../tools/ffmpeg/probe-video';
import { scrubStrip, stripFrameSize } from '../tools/ffmpeg/video-frames';
import type { MediaCache } from './media-cache';

/** A strip frame's longest side: a grid cell is at most about this wide. */
const STRIP_BOX = 240;

export interface VideoMediaDeps {
  cache: MediaCache;
  files: AssetFileRepo;
}

/**
 * A registered video's own file for this content, for playback: present on disk and not
 * missing. Null for a hash no video asset has (the hosts serve nothing else).
 */
export function videoFile(deps: VideoMediaDeps, hash: string): Located | null {
  return (
    deps.files
      .withHash(hash, -1)
      .find((f) => f.kind === 'video' && f.state !== 'missing' && existsSync(f.path)) ?? null
  );
}

const making = new Map<string, Promise<string | null>>();

/**
 * The hover scrub strip of a video, made on first ask and then cached by content. Made
 * lazily rather than at index: it costs ten seeks and decodes per video, which would about
 * double indexing time for a strip only hovered cells ever show. Null without ffmpeg, for a
 * hash no playable video has, or when ffmpeg fails (the cell keeps its poster).
 */
export function ensureStrip(deps: VideoMediaDeps, hash: string): Promise<string | null> {
  if (deps.cache.has('strip', hash)) return Promise.resolve(deps.cache.pathFor('strip', hash));
  // One ffmpeg per content however many cells ask at once.
  let pending = making.get(hash);
  if (!pending) {
    pending = makeStrip(deps, hash).finally(() => making.delete(hash));
    making.set(hash, pending);
  }
  return pending;
}

async function makeStrip(deps: VideoMediaDeps, hash: string): Promise<string | null> {
  const bins = ffmpegBinaries();
  const file = videoFile(deps, hash);
  if (!bins || !file) return null;
  try {
    // Probed again (tens of ms, nothing beside ten decodes): the file's own size and length.
    const probe = await probeVideo(bins, file.path);
    if (!probe.facts.durationMs) return null;
    const sprite = await scrubStrip(bins, file.path, probe.facts.durationMs, {
      frames: SCRUB_FRAMES,
      ...stripFrameSize(probe.width, probe.height, STRIP_BOX),
    });
    return await deps.cache.write('strip', hash, sprite);
  } catch {
    return null;
  }
}
