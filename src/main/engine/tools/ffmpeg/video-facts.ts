import { emptyFacts, type MediaFacts } from '../../../../shared/media-facts';

/** What ffprobe's JSON says of a video, as Packshot records it. */
export interface VideoProbe {
  /** The container's first name ('mov,mp4,m4a,…' → 'mov'), lower case. */
  format: string | null;
  /** Frame size as a player shows it: width and height swapped for 90/270. */
  width: number | null;
  height: number | null;
  capturedAt: string | null;
  facts: MediaFacts;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number | string }[];
  disposition?: { attached_pic?: number };
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: {
    format_name?: string;
    duration?: string;
    bit_rate?: string;
    size?: string;
    tags?: Record<string, string>;
  };
}

/**
 * Turns `ffprobe -print_format json -show_format -show_streams` into facts. Pure, so every
 * rule (rotation's sign, a cover picture that is not the video, rates written as fractions)
 * is tested without a file.
 */
export function videoFactsFrom(json: ProbeJson): VideoProbe {
  const streams = json.streams ?? [];
  // An mp4's cover art is a video stream too (attached_pic): never the movie's facts.
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const format = json.format ?? {};
  const rotation = video ? rotationOf(video) : null;
  const turned = rotation === 90 || rotation === 270;
  const w = positive(video?.width);
  const h = positive(video?.height);
  const seconds = num(format.duration) ?? num(video?.duration);
  const facts = emptyFacts();
  facts.durationMs = seconds === null ? null : Math.round(seconds * 1000);
  facts.codec = video?.codec_name ?? null;
  facts.fps = video ? (rate(video.avg_frame_rate) ?? rate(video.r_frame_rate)) : null;
  facts.bitrate = int(format.bit_rate) ?? int(video?.bit_rate);
  facts.audio = audio !== undefined;
  facts.rotation = rotation;
  facts.detail = compact({
    container: format.format_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    pixelFormat: video?.pix_fmt ?? null,
    profile: video?.profile ?? null,
  });
  return {
    format: format.format_name?.split(',')[0]?.toLowerCase() ?? null,
    width: turned ? h : w,
    height: turned ? w : h,
    capturedAt: capturedAt(format.tags) ?? capturedAt(video?.tags),
    facts,
  };
}

/**
 * The clockwise turn a player applies, 0/90/180/270. The display matrix's `rotation` is
 * counter-clockwise (ffprobe ≥ 5), the old `rotate` tag clockwise; the matrix wins.
 */
function rotationOf(stream: ProbeStream): number {
  const matrix = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const fromMatrix = num(matrix);
  if (fromMatrix !== null) return quarter(-fromMatrix);
  return quarter(num(stream.tags?.rotate) ?? 0);
}

function quarter(degrees: number): number {
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/** '30000/1001' → 29.97; '0/0' (unknown) → null. Two decimals are all a person reads. */
function rate(text: string | undefined): number | null {
  const [n, d] = (text ?? '').split('/').map(Number);
  if (!n || !d || !Number.isFinite(n / d)) return null;
  return Math.round((n / d) * 100) / 100;
}

/** creation_time as recorded ('2019-12-20T20:08:34.000000Z'), trimmed to milliseconds. */
function capturedAt(tags: Record<string, string> | undefined): string | null {
  const raw = tags?.creation_time ?? tags?.['com.apple.quicktime.creationdate'];
  if (!raw) return null;
  const time = Date.parse(raw);
  // Cameras without a clock write 1904-01-01 (the QuickTime epoch) or 1970: no date.
  if (!Number.isFinite(time) || time <= Date.UTC(1971, 0, 1)) return null;
  return new Date(time).toISOString();
}

function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function int(value: unknown): number | null {
  const n = num(value);
  return n === null ? null : Math.round(n);
}

function positive(value: number | undefined): number | null {
  return value !== undefined && value > 0 ? value : null;
}

function compact(record: Record<string, string | null>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
}
