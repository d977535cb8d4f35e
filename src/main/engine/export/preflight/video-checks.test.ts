// Video pre-flight on facts alone: each rule's message, what a transcode fixes and what it
// cannot, the bitrate and frame a transcode would use, and the built-in presets' video rules.
import { describe, expect, it } from 'vitest';
import type { VideoRules } from '../../../../shared/video-rules';
import { emptyFacts } from '../../../../shared/media-facts';
import { builtInPresets } from '../../repositories/built-in-presets';
import type { PackImage } from '../pack-source';
import { packImage } from '../../../test-support/pack-image';
import {
  checkVideo,
  transcodeFrame,
  videoBitrate,
  videoSourceOf,
  type VideoSource,
} from './video-checks';

const source = (over: Partial<VideoSource> = {}): VideoSource => ({
  container: 'mp4',
  bytes: 10_000_000,
  width: 1920,
  height: 1080,
  durationMs: 20_000,
  codec: 'h264',
  audio: true,
  audioCodec: 'aac',
  posterMs: null,
  ...over,
});

const rulesOf = (id: string): VideoRules => {
  const v = builtInPresets().find((p) => p.id === id)?.body.video;
  if (!v) throw new Error(`${id} has no video rules`);
  return v;
};

const reasons = (rules: VideoRules, v: VideoSource): string[] =>
  checkVideo(rules, v).findings.map((f) => `${f.level}: ${f.reason}`);

describe('checkVideo', () => {
  const shopify = rulesOf('shopify');

  it('passes a compliant video with nothing to say, to be copied', () => {
    expect(checkVideo(shopify, source())).toEqual({
      findings: [],
      transcode: false,
      videoBitrate: null,
    });
  });

  it('warns "will be transcoded" for what a transcode fixes', () => {
    const v = source({
      container: 'webm',
      codec: 'vp9',
      audioCodec: 'opus',
      width: 5120,
      height: 2880,
    });
    const verdict = checkVideo(shopify, v);
    expect(verdict.transcode).toBe(true);
    expect(verdict.findings.map((f) => `${f.level}: ${f.reason}`)).toEqual([
      'warn: WEBM is not accepted (mp4, mov); will be transcoded to H.264/AAC MP4',
      'warn: video codec vp9 is not accepted (h264, hevc); will be transcoded to H.264/AAC MP4',
      'warn: audio codec opus is not accepted (aac, mp3); will be transcoded to H.264/AAC MP4',
      'warn: 5120 × 2880: the longest side is over 4096 px; will be transcoded to H.264/AAC MP4',
    ]);
  });

  it('fails what no transcode fixes: too long, too short, too small a frame', () => {
    expect(reasons(shopify, source({ durationMs: 700_000 }))).toEqual([
      'fail: 700 s is longer than the 600 s the channel takes (cut it; export does not trim)',
    ]);
    const amazon = rulesOf('amazon-additional');
    expect(reasons(amazon, source({ width: 640, height: 360 }))).toEqual([
      'fail: 640 × 360: the longest side is under 1280 px (never scaled up)',
      'fail: 640 × 360: the shortest side is under 720 px (never scaled up)',
    ]);
    // Portrait 720p is 720p.
    expect(reasons(amazon, source({ width: 720, height: 1280 }))).toEqual([]);
    expect(reasons({ ...shopify, minDurationS: 5 }, source({ durationMs: 3000 }))).toEqual([
      'fail: 3 s is shorter than the 5 s the channel needs',
    ]);
  });

  it('fails what needs a transcode when the preset makes none', () => {
    expect(reasons({ ...shopify, transcode: null }, source({ bytes: 2 * 1024 ** 3 }))).toEqual([
      'fail: 2048.0 MB is over the limit of 1024.0 MB; this preset does not transcode',
    ]);
  });

  it('transcodes a video whose audio codec the facts do not name, rather than guess', () => {
    const v = checkVideo(shopify, source({ audioCodec: null }));
    expect(v.transcode).toBe(true);
    expect(v.findings[0]?.reason).toMatch(/^the audio codec is not known; will be transcoded/);
    expect(checkVideo(shopify, source({ audio: false, audioCodec: null })).findings).toEqual([]);
  });

  it('fails a transcode whose size target leaves too few bits for the play time', () => {
    const web = rulesOf('web');
    const found = reasons(web, source({ durationMs: 3_000_000, bytes: 900_000_000 }));
    expect(found[0]).toMatch(/^fail: at 3000 s, a 20\.0 MB size target leaves \d+ kbit\/s/);
  });
});

describe('the transcode a verdict plans', () => {
  const t = rulesOf('shopify').transcode!;

  it('sets the bitrate from the size target and the duration, under the ceiling', () => {
    // 500 MB over 20 minutes: the target rules; over 20 s: the 8 Mbit/s ceiling.
    const long = videoBitrate(t, { durationMs: 1_200_000, audio: true });
    expect(long).toBe(Math.floor((t.targetBytes * 8 * 0.92) / 1200 - t.audioBitrate));
    expect(videoBitrate(t, { durationMs: 20_000, audio: true })).toBe(t.maxBitrate);
  });

  it('fits the long side, keeps the shape, never scales up, and keeps sides even', () => {
    expect(transcodeFrame(t, { width: 3840, height: 2160 })).toEqual({ width: 1920, height: 1080 });
    expect(transcodeFrame(t, { width: 1080, height: 1920 })).toEqual({ width: 1080, height: 1920 });
    expect(transcodeFrame(t, { width: 641, height: 359 })).toEqual({ width: 642, height: 360 });
    expect(transcodeFrame(t, { width: 4000, height: 3001 })).toEqual({ width: 1920, height: 1440 });
  });
});

describe('videoSourceOf', () => {
  const image = (over: Partial<PackImage> = {}): PackImage =>
    packImage({
      role: 'video',
      position: 1,
      name: 'Clip.MOV',
      path: '/x/Clip.MOV',
      kind: 'video',
      hash: 'a'.repeat(64),
      bytes: 1000,
      format: 'mov',
      width: 1280,
      height: 720,
      facts: {
        ...emptyFacts(),
        durationMs: 5000,
        codec: 'H264',
        audio: true,
        detail: { audioCodec: 'AAC', posterMs: 1200 },
      },
      ...over,
    });

  it('reads the container from the extension and the codecs from the facts', () => {
    expect(videoSourceOf(image())).toMatchObject({
      container: 'mov',
      codec: 'h264',
      audioCodec: 'aac',
      posterMs: 1200,
    });
  });

  it('fails a video whose facts are not read yet, or that is not a video', () => {
    expect(videoSourceOf(image({ facts: null }))).toMatchObject({
      level: 'fail',
      reason: 'its video facts are not read yet (run a scan with ffmpeg available)',
    });
    expect(videoSourceOf(image({ kind: 'image' }))).toMatchObject({
      reason: 'not a video (its kind is image)',
    });
    expect(videoSourceOf(image({ state: 'missing' }))).toMatchObject({
      reason: 'the file is missing',
    });
  });
});
