// A channel's video made with ffmpeg: H.264 + AAC in MP4 (+faststart) at a bitrate set from
// a size target, and a poster frame as JPEG. Every run has a time limit and is killed after
// it (runTool); the caller names the output (a temporary file it lands itself).
import { PackshotError } from '../../../../shared/errors';
import type { H264Profile } from '../../../../shared/video-rules';
import { inputOf } from './video-input';
import { runTool } from '../process/run-tool';
import { ffmpegBinaries } from './ffmpeg-binaries';

/** Everything that shapes a transcode's output: part of the pack's render key. */
export interface TranscodeSettings {
  profile: H264Profile;
  /** Output frame as shown (even numbers: H.264 4:2:0 needs them). */
  width: number;
  height: number;
  /** Bits per second. */
  videoBitrate: number;
  audioBitrate: number;
  /** The source has an audio stream to carry over. */
  audio: boolean;
}

/** What the last runs were, for tests that count transcodes (a re-export must make none). */
export const ffmpegRuns = { transcodes: 0, posters: 0 };

function binaries(): { ffmpeg: string } {
  const found = ffmpegBinaries();
  if (!found)
    throw new PackshotError(
      'io',
      'ffmpeg is not available here (set PACKSHOT_FFMPEG, or install ffmpeg)',
    );
  return found;
}

/** ffmpeg's arguments for one transcode (pure, so its choices are testable). */
export function transcodeArgs(src: string, dst: string, s: TranscodeSettings): string[] {
  const rate = String(Math.round(s.videoBitrate));
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', src],
    ...['-map', '0:v:0', ...(s.audio ? ['-map', '0:a:0?'] : [])],
    // ffmpeg turns a rotated source upright, so the frame given is as shown.
    ...['-vf', `scale=${s.width}:${s.height}:flags=lanczos,setsar=1,format=yuv420p`],
    ...['-c:v', 'libx264', '-profile:v', s.profile, '-preset', 'medium'],
    // A capped average: the buffer of two seconds keeps the file near the size target.
    ...['-b:v', rate, '-maxrate', rate, '-bufsize', String(Math.round(s.videoBitrate * 2))],
    ...(s.audio ? ['-c:a', 'aac', '-b:a', String(s.audioBitrate)] : ['-an']),
    // No subtitles or data streams; no tags of the source (titles, places, devices).
    ...['-sn', '-dn', '-map_metadata', '-1'],
    ...['-movflags', '+faststart', '-f', 'mp4', dst],
  ];
}

/** Transcodes src into dst (a new file); rejects with ffmpeg's last words, or at the limit. */
export async function transcodeVideo(
  src: string,
  dst: string,
  settings: TranscodeSettings,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  ffmpegRuns.transcodes++;
  await runTool(binaries().ffmpeg, transcodeArgs(src, dst, settings), {
    timeoutMs,
    maxOutputBytes: 1024 * 1024,
    ...(signal ? { signal } : {}),
  });
}

/**
 * A poster: the most representative of the dozen frames from `atMs` (ffmpeg's thumbnail
 * filter compares their histograms, so a black or flash frame is passed over), scaled to
 * the video's output frame, as JPEG. Falls back to the first frames when the seek finds none.
 */
export async function extractPoster(
  src: string,
  atMs: number,
  frame: { width: number; height: number },
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  ffmpegRuns.posters++;
  const run = async (at: number): Promise<Buffer> => {
    const { stdout } = await runTool(
      binaries().ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        ...['-ss', (at / 1000).toFixed(3), '-i', inputOf(src), '-an', '-sn', '-frames:v', '1'],
        ...['-vf', `thumbnail=12,scale=${frame.width}:${frame.height}:flags=lanczos,setsar=1`],
        ...['-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'],
      ],
      { timeoutMs, maxOutputBytes: 64 * 1024 * 1024, ...(signal ? { signal } : {}) },
    );
    return stdout;
  };
  const first = await run(atMs);
  if (first.length > 0 || atMs === 0) {
    if (first.length === 0) throw new PackshotError('io', `no frame could be read from ${src}`);
    return first;
  }
  return extractPoster(src, 0, frame, timeoutMs, signal);
}
