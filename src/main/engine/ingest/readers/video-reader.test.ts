// Video at index, with the real ffmpeg/ffprobe: facts, a poster that is not a black first
// frame, a cut-short file as an error on that asset, and no ffmpeg as a notice.
import { existsSync } from 'node:fs';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import {
  cutInHalf,
  FORENSICS_AVI,
  FORENSICS_MP4,
  makeClip,
} from '../../../test-support/sample-videos';
import { ffmpegBinaries, resetFfmpegBinaries } from '../../tools/ffmpeg/ffmpeg-binaries';
import { firstFrame } from '../../tools/ffmpeg/video-frames';
import { NO_FFMPEG_NOTICE } from './video-reader';

const forensics = existsSync(FORENSICS_MP4) && existsSync(FORENSICS_AVI);
let h: Harness;
let folder: string;

beforeAll(async () => {
  folder = await tempDir('video-reader');
  if (forensics) {
    await copyFile(FORENSICS_MP4, join(folder, 'phone.mp4'));
    await copyFile(FORENSICS_AVI, join(folder, 'hello.avi'));
  }
  await makeClip(join(folder, 'turned.mp4'), {
    seconds: 2,
    rotate: 90,
    audio: true,
    creationTime: '2024-03-01T10:20:30Z',
  });
  await makeClip(join(folder, 'black-lead.mp4'), { seconds: 3, blackLead: 1 });
  await cutInHalf(join(folder, 'turned.mp4'), join(folder, 'cut.mp4'));
  // Index first ("faststart"): ffprobe reads the half without complaint.
  await makeClip(join(folder, 'whole-fast.mp4'), { seconds: 2, faststart: true });
  await cutInHalf(join(folder, 'whole-fast.mp4'), join(folder, 'cut-fast.mp4'));
  await writeFile(join(folder, 'photo.jpg'), await makeImage(64, 48, 'jpeg', 3));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 120_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function detail(name: string) {
  return h.call('assets.get', { id: (await h.byName(name)).id });
}

/** Mean brightness (0–255) of an asset's grid thumbnail. */
async function thumbMean(hash: string): Promise<number> {
  const file = h.engine.resolveMedia('thumb', hash);
  if (!file) throw new Error('no thumbnail');
  const { channels } = await sharp(file).greyscale().stats();
  return channels[0]?.mean ?? 0;
}

describe('video at index', () => {
  it.skipIf(!forensics)(
    'reads the phone mp4 from forensics-samples-files (skipped: package not installed)',
    async () => {
      const asset = await detail('phone.mp4');
      expect(asset).toMatchObject({
        kind: 'video',
        format: 'mov',
        state: 'ok',
        thumb: 'ready',
        width: 1920,
        height: 1080,
        capturedAt: '2019-12-20T20:08:34.000Z',
      });
      expect(asset.facts).toMatchObject({
        durationMs: 1600,
        codec: 'h264',
        fps: 27.02,
        bitrate: 14711908,
        audio: true,
        rotation: 0,
        detail: {
          container: 'mov,mp4,m4a,3gp,3g2,mj2',
          audioCodec: 'aac',
          pixelFormat: 'yuv420p',
          profile: 'High',
        },
      });
    },
  );

  it.skipIf(!forensics)(
    'reads the avi from forensics-samples-files (skipped: package not installed)',
    async () => {
      const asset = await detail('hello.avi');
      expect(asset).toMatchObject({ format: 'avi', state: 'ok', thumb: 'ready', width: 1024 });
      expect(asset.facts).toMatchObject({ durationMs: 8360, codec: 'h264', fps: 25, audio: true });
      expect(asset.facts?.detail).toMatchObject({ container: 'avi', audioCodec: 'aac' });
    },
  );

  it('reads a turned clip as shown: portrait size, rotation, creation date', async () => {
    const asset = await detail('turned.mp4');
    // ffmpeg 4.1 writes `rotate=90` as a matrix of 90° counter-clockwise: 270° as played.
    expect(asset.facts).toMatchObject({ codec: 'h264', fps: 25, audio: true, rotation: 270 });
    expect(asset.facts?.durationMs).toBeGreaterThanOrEqual(2000);
    expect(asset.facts?.durationMs).toBeLessThan(2100);
    // The poster window's start (10 % in), kept so the pack's poster is taken there too.
    expect(asset.facts?.detail['posterMs']).toBe(Math.round((asset.facts?.durationMs ?? 0) * 0.1));
    expect(asset).toMatchObject({
      width: 240,
      height: 320,
      capturedAt: '2024-03-01T10:20:30.000Z',
      thumb: 'ready',
    });
    const thumb = h.engine.resolveMedia('thumb', asset.hash ?? '');
    const meta = await sharp(thumb ?? '').metadata();
    expect((meta.height ?? 0) > (meta.width ?? 0)).toBe(true);
  });

  it('gives a grid page the play time of its videos, and none to a photo', async () => {
    const page = await h.call('assets.list', { limit: 50, keywords: false });
    const byName = new Map(page.items.map((a) => [a.name, a]));
    expect(byName.get('black-lead.mp4')?.durationMs).toBe(3000);
    expect(byName.get('photo.jpg')).not.toHaveProperty('durationMs');
    expect(byName.get('cut.mp4')).not.toHaveProperty('durationMs');
  });

  it('makes the poster from a picture, not the black first second', async () => {
    const asset = await detail('black-lead.mp4');
    const bins = ffmpegBinaries();
    const first = await firstFrame(bins!, join(folder, 'black-lead.mp4'));
    const firstMean = (await sharp(first!).greyscale().stats()).channels[0]?.mean ?? 255;
    expect(firstMean).toBeLessThan(20);
    expect(await thumbMean(asset.hash ?? '')).toBeGreaterThan(60);
  });

  it('gives a cut-short video an error and indexes the rest', async () => {
    expect(await h.byName('cut.mp4')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(
        /^Damaged or cut-short video: its index \(moov atom\) is missing/,
      ) as unknown,
    });
    expect(await h.byName('photo.jpg')).toMatchObject({ state: 'ok', thumb: 'ready' });
  });

  it('gives a faststart video cut in half an error, its facts kept', async () => {
    const whole = await detail('whole-fast.mp4');
    expect(whole).toMatchObject({ state: 'ok', error: null });
    const cut = await detail('cut-fast.mp4');
    expect(cut).toMatchObject({
      state: 'error',
      error: expect.stringMatching(
        new RegExp(
          `^Damaged or cut-short video: the file ends at ${Math.floor(whole.bytes / 2)} of its ${whole.bytes} bytes`,
        ),
      ) as unknown,
    });
    expect(cut.facts).toMatchObject({ codec: 'h264', durationMs: whole.facts?.durationMs });
  });
});

describe('without ffmpeg', () => {
  it('catalogues a video with a notice, not an error', async () => {
    const dir = await tempDir('no-ffmpeg');
    await copyFile(join(folder, 'turned.mp4'), join(dir, 'clip.mp4'));
    const saved = process.env.PACKSHOT_FFMPEG;
    process.env.PACKSHOT_FFMPEG = 'off';
    resetFfmpegBinaries();
    const bare = await startHarness();
    try {
      await bare.call('catalogs.add', { path: dir });
      await bare.call('jobs.wait', {});
      expect(await bare.byName('clip.mp4')).toMatchObject({
        kind: 'video',
        state: 'ok',
        thumb: 'none',
        notice: NO_FFMPEG_NOTICE,
      });
    } finally {
      if (saved === undefined) delete process.env.PACKSHOT_FFMPEG;
      else process.env.PACKSHOT_FFMPEG = saved;
      resetFfmpegBinaries();
      await bare.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
