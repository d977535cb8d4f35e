// Pre-flight for a video linked to a product (role 'video') against a preset's video rules,
// from the facts indexing read (ffprobe, in media_facts). A rule a transcode fixes
// (container, codec, size, too large a frame) is a warning "will be transcoded"; one it
// cannot (too long, too short, too small a frame) fails. Pure: reads nothing.
import type { CheckResult } from '../../../../shared/export-dto';
import type { VideoRules, VideoTranscode } from '../../../../shared/video-rules';
import type { PackImage } from '../pack-source';

/** What pre-flight and export know of a video source. */
export interface VideoSource {
  /** The file's extension, lower-case: what channels accept files by. */
  container: string;
  bytes: number;
  /** As shown (after rotation). */
  width: number;
  height: number;
  durationMs: number;
  codec: string;
  audio: boolean;
  /** Null when the facts do not name it. */
  audioCodec: string | null;
  /** Where the reader took the grid's poster from, when it recorded it. */
  posterMs: number | null;
}

export interface VideoVerdict {
  findings: CheckResult[];
  /** Some rule fails that a transcode fixes (and none that it cannot). */
  transcode: boolean;
  /** The video bitrate a transcode would use (bits/s), or null when none is planned. */
  videoBitrate: number | null;
}

/** Below this a transcode would be mush: the size target does not fit the duration. */
export const MIN_VIDEO_BITRATE = 150_000;

const CHECK = 'video';
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (s: number): string => `${Math.round(s * 10) / 10} s`;

/** The source as pre-flight reads it, or a failure saying what is missing. */
export function videoSourceOf(image: PackImage): VideoSource | CheckResult {
  const fail = (reason: string): CheckResult => ({ check: 'source', level: 'fail', reason });
  if (image.kind !== 'video') return fail(`not a video (its kind is ${image.kind})`);
  if (image.state === 'missing') return fail('the file is missing');
  if (image.state === 'error') return fail('the file could not be read');
  const f = image.facts;
  if (!image.hash || !f || f.durationMs === null || f.codec === null)
    return fail('its video facts are not read yet (run a scan with ffmpeg available)');
  if (image.width === null || image.height === null)
    return fail('its frame size is not known (run a scan)');
  const d = f.detail;
  const audioCodec = typeof d.audioCodec === 'string' ? d.audioCodec.toLowerCase() : null;
  const posterMs = typeof d.posterMs === 'number' && d.posterMs >= 0 ? d.posterMs : null;
  const dot = image.name.lastIndexOf('.');
  return {
    container: dot > 0 ? image.name.slice(dot + 1).toLowerCase() : '',
    bytes: image.bytes,
    width: image.width,
    height: image.height,
    durationMs: f.durationMs,
    codec: f.codec.toLowerCase(),
    audio: f.audio === true,
    audioCodec,
    posterMs,
  };
}

export function checkVideo(rules: VideoRules, v: VideoSource): VideoVerdict {
  const fixable: string[] = [];
  const fatal: string[] = [];
  const long = Math.max(v.width, v.height);
  const short = Math.min(v.width, v.height);
  const dims = `${v.width} × ${v.height}`;
  const seconds = v.durationMs / 1000;

  if (!rules.containers.includes(v.container))
    fixable.push(
      `${v.container.toUpperCase() || 'no extension'} is not accepted (${list(rules.containers)})`,
    );
  if (!rules.videoCodecs.includes(v.codec))
    fixable.push(`video codec ${v.codec} is not accepted (${list(rules.videoCodecs)})`);
  if (v.audio && v.audioCodec === null) fixable.push('the audio codec is not known');
  else if (v.audio && v.audioCodec !== null && !rules.audioCodecs.includes(v.audioCodec))
    fixable.push(`audio codec ${v.audioCodec} is not accepted (${list(rules.audioCodecs)})`);
  if (rules.maxBytes !== null && v.bytes > rules.maxBytes)
    fixable.push(`${mb(v.bytes)} is over the limit of ${mb(rules.maxBytes)}`);
  if (rules.maxLongSide !== null && long > rules.maxLongSide)
    fixable.push(`${dims}: the longest side is over ${rules.maxLongSide} px`);

  if (rules.maxDurationS !== null && seconds > rules.maxDurationS)
    fatal.push(
      `${secs(seconds)} is longer than the ${secs(rules.maxDurationS)} the channel takes (cut it; export does not trim)`,
    );
  if (rules.minDurationS !== null && seconds < rules.minDurationS)
    fatal.push(
      `${secs(seconds)} is shorter than the ${secs(rules.minDurationS)} the channel needs`,
    );
  if (rules.minLongSide !== null && long < rules.minLongSide)
    fatal.push(`${dims}: the longest side is under ${rules.minLongSide} px (never scaled up)`);
  if (rules.minShortSide !== null && short < rules.minShortSide)
    fatal.push(`${dims}: the shortest side is under ${rules.minShortSide} px (never scaled up)`);

  const findings: CheckResult[] = fatal.map((reason) => ({ check: CHECK, level: 'fail', reason }));
  const t = rules.transcode;
  if (fixable.length === 0) return { findings, transcode: false, videoBitrate: null };
  if (!t) {
    for (const reason of fixable)
      findings.push({
        check: CHECK,
        level: 'fail',
        reason: `${reason}; this preset does not transcode`,
      });
    return { findings, transcode: false, videoBitrate: null };
  }
  const bitrate = videoBitrate(t, v);
  if (bitrate < MIN_VIDEO_BITRATE)
    findings.push({
      check: CHECK,
      level: 'fail',
      reason: `at ${secs(seconds)}, a ${mb(t.targetBytes)} size target leaves ${Math.max(0, Math.round(bitrate / 1000))} kbit/s for the picture (cut it, or raise the target)`,
    });
  for (const reason of fixable)
    findings.push({
      check: CHECK,
      level: 'warn',
      reason: `${reason}; will be transcoded to H.264/AAC MP4`,
    });
  return { findings, transcode: true, videoBitrate: bitrate };
}

/**
 * The video bitrate that lands the file near the size target: the target over the play
 * time, less the audio and 8 % for the container and the encoder's overshoot; never over
 * the preset's ceiling.
 */
export function videoBitrate(t: VideoTranscode, v: { durationMs: number; audio: boolean }): number {
  const seconds = Math.max(v.durationMs / 1000, 0.5);
  const budget = (t.targetBytes * 8 * 0.92) / seconds - (v.audio ? t.audioBitrate : 0);
  return Math.floor(Math.min(t.maxBitrate, budget));
}

/** The transcode's frame: the source as shown, its long side within the limit, even sides. */
export function transcodeFrame(
  t: VideoTranscode,
  v: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, t.maxLongSide / Math.max(v.width, v.height));
  const even = (n: number): number => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(v.width), height: even(v.height) };
}

function list(items: readonly string[]): string {
  return items.join(', ');
}
