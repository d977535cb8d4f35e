// The video part of a pack's plan: for a preset with video rules, each video linked to a
// product (role 'video') is checked, then planned as two files, the video (copied when it
// passes, transcoded when a transcode fixes what fails) and its poster as JPEG beside it.
// Pure: the facts come from the library (media_facts), never a probe.
import { createHash } from 'node:crypto';
import type { ChannelPreset, CheckResult, PreflightItem } from '../../../../shared/export-dto';
import { renderPath } from '../../../../shared/naming/name-template';
import type { PackImage, PackProduct } from '../pack-source';
import { rightsCheck, RIGHTS_CHECK } from '../preflight/rights-check';
import {
  checkVideo,
  MIN_VIDEO_BITRATE,
  transcodeFrame,
  videoSourceOf,
  type VideoSource,
} from '../preflight/video-checks';
import { renderOptions } from '../../tools/render/render-options';
import type { TranscodeSettings } from '../../tools/ffmpeg/transcode-video';
import type { PlannedFile } from './plan-pack';
import { preflightItem, worst } from './preflight-item';

/** How one planned file of a video is made. */
export interface VideoJob {
  part: 'video' | 'poster';
  action: 'copy' | 'transcode';
  /** Null when copied. */
  transcode: TranscodeSettings | null;
  /** The video's frame as written (the poster's too). */
  width: number;
  height: number;
  durationMs: number;
  codec: string;
  audioCodec: string | null;
  posterAtMs: number;
  /** ffmpeg is killed after this: proportional to the play time. */
  timeoutMs: number;
  /** The channel's limit, checked again on the transcoded file. */
  maxBytes: number | null;
}

/** Time limits: a transcode may take 10× the play time plus a minute; a poster 30 s. */
export const transcodeTimeoutMs = (durationMs: number): number => 60_000 + durationMs * 10;
const POSTER_TIMEOUT_MS = 30_000;

/** Bumped when what a transcode or poster makes changes: every pack makes them again. */
const VIDEO_KEY_VERSION = 1;

export function planVideos(
  preset: ChannelPreset,
  product: PackProduct,
  excluded: (image: PackImage) => boolean = () => false,
): { items: PreflightItem[]; files: PlannedFile[] } {
  const items: PreflightItem[] = [];
  const files: PlannedFile[] = [];
  const rules = preset.video;
  if (!rules) return { items, files };
  const videos = product.images.filter((i) => i.role === 'video' && !excluded(i));
  const max = rules.maxVideos ?? Infinity;
  videos.forEach((image, index) => {
    const position = index + 1;
    const item = (checks: CheckResult[], pass?: CheckResult): void => {
      items.push(preflightItem({ preset, product, image, position }, checks, pass));
    };
    if (index >= max) {
      const reason = `${videos.length} videos; ${preset.name} takes ${max}, this one is left out`;
      item([{ check: 'max-videos', level: 'warn', reason }]);
      return;
    }
    const rights = rightsCheck({ preset, product, image, renditions: [] }) ?? [];
    const source = videoSourceOf(image);
    if (!('codec' in source)) {
      item([source, ...rights]);
      return;
    }
    const verdict = checkVideo(rules, source);
    const all = [...rights, ...verdict.findings];
    const level = worst(all);
    item(all, { check: 'video', level: 'pass', reason: 'meets every rule; copied as it is' });

    const t = rules.transcode;
    const transcode: TranscodeSettings | null =
      verdict.transcode && t && verdict.videoBitrate !== null
        ? {
            profile: t.profile,
            ...transcodeFrame(t, source),
            // Written anyway (failures: warn) when the target leaves too little.
            videoBitrate: Math.max(verdict.videoBitrate, MIN_VIDEO_BITRATE),
            audioBitrate: t.audioBitrate,
            audio: source.audio,
          }
        : null;
    const ext = transcode ? 'mp4' : source.container;
    const path = renderPath(preset.naming.folder, rules.file, {
      sku: product.sku,
      name: product.name,
      position,
      role: image.role,
      channel: preset.channel,
      preset: preset.id,
      key: '',
      width: transcode?.width ?? source.width,
      height: transcode?.height ?? source.height,
      ext,
      parent: product.parentSku ?? '',
      asset: stem(image.name),
      attributes: product.attributes,
    });
    const job: VideoJob = {
      part: 'video',
      action: transcode ? 'transcode' : 'copy',
      transcode,
      width: transcode?.width ?? source.width,
      height: transcode?.height ?? source.height,
      durationMs: source.durationMs,
      codec: transcode ? 'h264' : source.codec,
      audioCodec: transcode ? (source.audio ? 'aac' : null) : source.audioCodec,
      posterAtMs: posterTime(source),
      timeoutMs: transcodeTimeoutMs(source.durationMs),
      maxBytes: rules.maxBytes,
    };
    const poster: VideoJob = { ...job, part: 'poster', timeoutMs: POSTER_TIMEOUT_MS };
    const findings = all.filter((f) => f.level !== 'pass').map((f) => `${f.check}: ${f.reason}`);
    const blocked = rights.filter((f) => f.check === RIGHTS_CHECK && f.level === 'fail');
    for (const [j, file] of [
      [job, path],
      [poster, `${stem(path)}.jpg`],
    ] as const) {
      files.push({
        ...unrendered(preset, j.part),
        path: file,
        preset,
        product,
        image,
        position,
        renderKey: image.hash ? videoKey(image, j) : null,
        level,
        findings,
        blocked: blocked.map((f) => f.reason),
        video: j,
      });
    }
  });
  return { items, files };
}

/**
 * The poster's moment: where the reader took the grid's poster when it recorded it (so the
 * pack shows the frame the grid does), else a third of the way in, at most 10 s: past a
 * fade-in or a black leader, still early in the story.
 */
function posterTime(v: VideoSource): number {
  if (v.posterMs !== null && v.posterMs < v.durationMs) return Math.round(v.posterMs);
  return Math.round(Math.min(v.durationMs / 3, 10_000));
}

/** The source's content and everything that shapes the file: unchanged, nothing runs. */
function videoKey(image: PackImage, j: VideoJob): string {
  // A poster depends on its frame and moment only: a new size target leaves it as it is.
  const shaping =
    j.part === 'poster'
      ? {
          v: VIDEO_KEY_VERSION,
          part: j.part,
          hash: image.hash,
          frame: [j.width, j.height, j.posterAtMs],
        }
      : {
          v: VIDEO_KEY_VERSION,
          part: j.part,
          hash: image.hash,
          action: j.action,
          transcode: j.transcode,
        };
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex');
}

/** A video is not rendered by sharp: the rendition and options are the preset's first, unused. */
function unrendered(
  preset: ChannelPreset,
  part: VideoJob['part'],
): Pick<PlannedFile, 'rendition' | 'options'> {
  const first = preset.renditions[0];
  if (!first) throw new Error(`${preset.id} has no rendition`);
  const rendition = { ...first, key: part === 'video' ? 'video' : 'poster' };
  return { rendition, options: renderOptions(rendition, preset.metadata, null, null, []) };
}

function stem(name: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(0, dot) : name;
}
