import { ffmpegBinaries } from '../../tools/ffmpeg/ffmpeg-binaries';
import { mp4ShortBy } from '../../tools/ffmpeg/mp4-boxes';
import { posterFrame, posterStartMs } from '../../tools/ffmpeg/video-frames';
import { probeVideo } from '../../tools/ffmpeg/probe-video';
import { ToolError } from '../../tools/process/run-tool';
import type { RichMediaReader } from '../read-rich-media';

export const NO_FFMPEG_NOTICE =
  'No ffmpeg here: catalogued without its facts or a poster frame (see README, "Rich media")';

/**
 * A video: its facts from ffprobe and, for the grid thumbnail, a poster frame from ffmpeg.
 * Without ffmpeg it is catalogued with a notice; a file ffprobe cannot read (cut short,
 * damaged, not a video) is an error on that asset. Both tools run under a time limit.
 */
export const readVideo: RichMediaReader = async (file) => {
  const bins = ffmpegBinaries();
  if (!bins) return { facts: null, notice: NO_FFMPEG_NOTICE };
  let probe;
  try {
    probe = await probeVideo(bins, file.path);
  } catch (error) {
    return { facts: null, error: unreadable(error) };
  }
  // Its facts stand (the index is whole); the picture is not, so the asset says it.
  const short = probe.format === 'mov' ? await mp4ShortBy(file.path) : null;
  return {
    format: probe.format,
    width: probe.width,
    height: probe.height,
    capturedAt: probe.capturedAt,
    // Where the poster was looked for: the pack's full-size poster is taken there too.
    facts: {
      ...probe.facts,
      detail: { ...probe.facts.detail, posterMs: posterStartMs(probe.facts.durationMs) },
    },
    error: short
      ? `Damaged or cut-short video: the file ends at ${short.have} of its ${short.want} bytes, as in an interrupted copy`
      : null,
    // Headers that read but no frame that decodes: no poster (thumb 'none'), facts kept.
    still: async () => {
      try {
        return await posterFrame(bins, file.path, probe.facts.durationMs);
      } catch {
        return null;
      }
    },
  };
};

/** ffprobe's refusal, worded for the asset (its file name left out: the grid shows it). */
function unreadable(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/file:.*?: (?=[A-Z])/, '');
  if (!(error instanceof ToolError) || error.timedOut) return `Video not read: ${message}`;
  const said = `${error.stderr}\n${raw}`.toLowerCase();
  if (said.includes('moov atom not found')) {
    return 'Damaged or cut-short video: its index (moov atom) is missing, as in an interrupted copy';
  }
  if (said.includes('invalid data found') || said.includes('truncat')) {
    return `Damaged or cut-short video: ${message}`;
  }
  return `Video not read: ${message}`;
}
