import { runTool } from '../process/run-tool';
import type { FfmpegBinaries } from './ffmpeg-binaries';
import { inputOf } from './video-input';

/** A poster decodes a few seconds at most; a file that takes longer is stopped. */
const FRAME_TIMEOUT_MS = 30_000;
/** The poster's longest side: the grid thumbnail (320 px) and the placeholder come from it. */
const POSTER_MAX = 640;
/** Frames the poster is chosen among (1 s at 25 fps), within 1.5 s decoded past the seek. */
const POSTER_WINDOW_FRAMES = 25;
const POSTER_WINDOW_S = '1.5';
/** A frame whose mean luma (0–255, video range 16–235) is at most this counts as black. */
const BLACK_LUMA = 24;

const QUIET = ['-v', 'error', '-nostdin', '-hide_banner'];
const PNG_OUT = ['-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'];

/**
 * A representative frame as PNG, turned as a player shows it (ffmpeg's autorotate): from
 * about 10 % in (at most 3 s), ffmpeg's `thumbnail` filter picks the frame nearest the
 * average of the next second or so, leaving out black frames (fades, a black lead-in). A
 * clip too short or too dark for that gets its first decodable frame. Null when nothing
 * decodes. The window is short on purpose: decoding is the cost (see the bench's video row).
 */
export async function posterFrame(
  bins: FfmpegBinaries,
  path: string,
  durationMs: number | null,
): Promise<Buffer | null> {
  const start = posterStartMs(durationMs) / 1000;
  const chosen = await runTool(
    bins.ffmpeg,
    [
      ...QUIET,
      ...(start > 0 ? ['-ss', start.toFixed(3)] : []),
      '-t',
      POSTER_WINDOW_S,
      '-i',
      inputOf(path),
      '-an',
      '-sn',
      '-dn',
      '-vf',
      [
        fitWithin(POSTER_MAX),
        'signalstats',
        `metadata=mode=select:key=lavfi.signalstats.YAVG:value=${BLACK_LUMA}:function=greater`,
        `thumbnail=${POSTER_WINDOW_FRAMES}`,
      ].join(','),
      ...PNG_OUT,
    ],
    { timeoutMs: FRAME_TIMEOUT_MS, maxOutputBytes: 32 * 1024 * 1024 },
  );
  if (chosen.stdout.length > 0) return chosen.stdout;
  return firstFrame(bins, path);
}

/**
 * Where the poster window starts: about 10 % in, at most 3 s. Recorded in the facts
 * (`detail.posterMs`) so an export's full-size poster is taken where the grid's was.
 */
export function posterStartMs(durationMs: number | null): number {
  return durationMs && durationMs > 0 ? Math.round(Math.min(durationMs * 0.1, 3000)) : 0;
}

/** The first frame that decodes, as PNG: the fallback, and what the bench compares with. */
export async function firstFrame(bins: FfmpegBinaries, path: string): Promise<Buffer | null> {
  const { stdout } = await runTool(
    bins.ffmpeg,
    [...QUIET, '-i', inputOf(path), '-an', '-sn', '-dn', '-vf', fitWithin(POSTER_MAX), ...PNG_OUT],
    { timeoutMs: FRAME_TIMEOUT_MS, maxOutputBytes: 32 * 1024 * 1024 },
  );
  return stdout.length > 0 ? stdout : null;
}

export interface StripSpec {
  frames: number;
  /** One frame's size in the sprite (the video's shape as shown). */
  frameWidth: number;
  frameHeight: number;
}

/**
 * The hover scrub sprite, JPEG: `frames` frames evenly spaced over the play time, side by
 * side. Each is its own input seeked to its time (`-ss` before `-i` jumps to the nearest
 * key frame), so a long video costs ten short decodes, not a full one.
 */
export async function scrubStrip(
  bins: FfmpegBinaries,
  path: string,
  durationMs: number,
  spec: StripSpec,
): Promise<Buffer> {
  const inputs: string[] = [];
  const chains: string[] = [];
  for (let i = 0; i < spec.frames; i++) {
    const at = ((i + 0.5) / spec.frames) * (durationMs / 1000);
    inputs.push('-ss', at.toFixed(3), '-i', inputOf(path));
    chains.push(
      `[${i}:v]trim=end_frame=1,scale=${spec.frameWidth}:${spec.frameHeight},setsar=1[f${i}]`,
    );
  }
  const labels = chains.map((_, i) => `[f${i}]`).join('');
  const graph = `${chains.join(';')};${labels}hstack=inputs=${spec.frames}[strip]`;
  const { stdout } = await runTool(
    bins.ffmpeg,
    [
      ...QUIET,
      ...inputs,
      '-filter_complex',
      graph,
      '-map',
      '[strip]',
      '-frames:v',
      '1',
      '-f',
      'image2pipe',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      '-',
    ],
    { timeoutMs: FRAME_TIMEOUT_MS, maxOutputBytes: 16 * 1024 * 1024 },
  );
  if (stdout.length === 0) throw new Error('ffmpeg made no scrub strip');
  return stdout;
}

/** Scales the longest side down to `max` (never up), keeping even sizes for the encoders. */
function fitWithin(max: number): string {
  return `scale='if(gt(iw,ih),min(iw,${max}),-2)':'if(gt(iw,ih),-2,min(ih,${max}))'`;
}

/** A strip frame's size: the video's shape as shown, fitted in `box`×`box`, even sides. */
export function stripFrameSize(
  width: number | null,
  height: number | null,
  box: number,
): { frameWidth: number; frameHeight: number } {
  const w = width && width > 0 ? width : 16;
  const h = height && height > 0 ? height : 9;
  const scale = box / Math.max(w, h);
  const even = (n: number): number => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { frameWidth: even(w), frameHeight: even(h) };
}
