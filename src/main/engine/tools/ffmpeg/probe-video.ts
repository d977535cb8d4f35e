import { runTool, ToolError } from '../process/run-tool';
import type { FfmpegBinaries } from './ffmpeg-binaries';
import { inputOf } from './video-input';
import { videoFactsFrom, type VideoProbe } from './video-facts';

export type { VideoProbe };

/** ffprobe reads headers only; a file it cannot read in this long is hostile or on a dead drive. */
const PROBE_TIMEOUT_MS = 20_000;

/**
 * A video's facts from ffprobe. Rejects with a ToolError worded for the asset when ffprobe
 * cannot read it (truncated, not a video) or finds no video stream in it.
 */
export async function probeVideo(bins: FfmpegBinaries, path: string): Promise<VideoProbe> {
  const { stdout } = await runTool(
    bins.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', inputOf(path)],
    { timeoutMs: PROBE_TIMEOUT_MS, maxOutputBytes: 4 * 1024 * 1024 },
  );
  let json: unknown;
  try {
    json = JSON.parse(stdout.toString('utf8'));
  } catch {
    throw new ToolError('ffprobe answered something that is not JSON');
  }
  const probe = videoFactsFrom(json as Parameters<typeof videoFactsFrom>[0]);
  if (probe.facts.codec === null) throw new ToolError('No video stream in this file');
  return probe;
}
