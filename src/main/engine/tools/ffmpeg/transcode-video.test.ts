// The transcode and poster tools with the real ffmpeg: the arguments' choices, a silent
// source, the time limit (killed, the partial file the caller's to remove), a poster asked
// for past the end falling back to the first frames.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { makeClip } from '../../../test-support/sample-videos';
import { probe } from '../../../test-support/video-export-clips';
import { jpegSize } from '../sharp/jpeg-size';
import { ToolError } from '../process/run-tool';
import { ffmpegBinaries } from './ffmpeg-binaries';
import {
  extractPoster,
  ffmpegRuns,
  transcodeArgs,
  transcodeVideo,
  type TranscodeSettings,
} from './transcode-video';

const hasFfmpeg = ffmpegBinaries() !== null;
const settings: TranscodeSettings = {
  profile: 'high',
  width: 160,
  height: 120,
  videoBitrate: 300_000,
  audioBitrate: 64_000,
  audio: false,
};
let dir: string;
let clip: string;

beforeAll(async () => {
  if (!hasFfmpeg) return;
  dir = await tempDir('transcode');
  clip = join(dir, 'silent.webm');
  await makeClip(clip, { seconds: 1, width: 320, height: 240, codec: 'vp9', audio: false });
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('transcodeArgs', () => {
  it('makes H.264 in MP4 with +faststart, the profile and a capped bitrate; no audio for a silent source', () => {
    const args = transcodeArgs('in.webm', 'out.tmp', settings).join(' ');
    expect(args).toContain('-c:v libx264 -profile:v high');
    expect(args).toContain('-b:v 300000 -maxrate 300000 -bufsize 600000');
    expect(args).toContain('scale=160:120');
    expect(args).toContain('-an');
    expect(args).toContain('-movflags +faststart -f mp4 out.tmp');
    const withAudio = transcodeArgs('in', 'out', { ...settings, audio: true }).join(' ');
    expect(withAudio).toContain('-map 0:a:0? ');
    expect(withAudio).toContain('-c:a aac -b:a 64000');
  });
});

describe.skipIf(!hasFfmpeg)('with ffmpeg', () => {
  it('transcodes a silent VP9 WebM to a silent H.264 MP4 of the frame asked', async () => {
    const out = join(dir, 'out.mp4');
    await transcodeVideo(clip, out, settings, 60_000);
    const p = await probe(out);
    expect(p.video).toMatchObject({ codec: 'h264', profile: 'High', width: 160, height: 120 });
    expect(p.audio).toBeNull();
  });

  it('kills ffmpeg at its time limit', async () => {
    const out = join(dir, 'slow.mp4');
    const error = await transcodeVideo(clip, out, settings, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).timedOut).toBe(true);
    await rm(out, { force: true });
  });

  it('takes a poster at the time asked, and from the start when that is past the end', async () => {
    for (const [at, runs] of [
      [300, 1],
      [60_000, 2],
    ] as const) {
      const before = ffmpegRuns.posters;
      const jpeg = await extractPoster(clip, at, { width: 160, height: 120 }, 30_000);
      expect(jpegSize(jpeg)).toEqual({ width: 160, height: 120 });
      expect(ffmpegRuns.posters - before).toBe(runs);
    }
    await expect(stat(clip)).resolves.toBeDefined();
  });
});
