// Video in channel packs, with the real ffmpeg on clips made here: pre-flight against the
// preset's video rules, a compliant video copied byte for byte, others transcoded to
// H.264/AAC MP4 within the size target, a poster beside each, nothing run again on a re-export,
// a corrupt video failing alone, and a user's file never overwritten.
import { copyFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary, PackManifest, PreflightItem } from '../../../shared/export-dto';
import type { VideoRules } from '../../../shared/video-rules';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { makeClip } from '../../test-support/sample-videos';
import { probe, putVideoFacts } from '../../test-support/video-export-clips';
import { packshotBin } from '../../test-support/run-cli';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';
import { ffmpegBinaries } from '../tools/ffmpeg/ffmpeg-binaries';
import { ffmpegRuns } from '../tools/ffmpeg/transcode-video';
import { jpegSize } from '../tools/sharp/jpeg-size';

const hasFfmpeg = ffmpegBinaries() !== null;
// A real phone video (Debian's forensics-samples-files): 1.6 s, 1920 × 1080, H.264/AAC MP4.
const PHONE = '/usr/share/forensics-samples/original-files/movie1/VID_20191220_170832.mp4';
const hasPhone = existsSync(PHONE);

const RULES: VideoRules = {
  containers: ['mp4', 'mov'],
  videoCodecs: ['h264'],
  audioCodecs: ['aac'],
  maxBytes: 200_000,
  minDurationS: null,
  maxDurationS: 60,
  minShortSide: 120,
  minLongSide: null,
  maxLongSide: 640,
  maxVideos: null,
  transcode: {
    profile: 'main',
    maxLongSide: 320,
    targetBytes: 150_000,
    maxBitrate: 2_000_000,
    audioBitrate: 64_000,
  },
  file: '{sku}-video-{position}.{ext}',
  source: { title: 'test', url: null, checked: '2026-12-05' },
  notes: '',
};

let h: Harness;
let catalog: string;
let out: string;
const asset = new Map<string, number>();

async function run(extra: { dryRun?: boolean } = {}): Promise<ExportSummary> {
  const job = await h.call('exports.start', { channels: ['vid'], query: 'sku:V-1', out, ...extra });
  return h.call('exports.wait', { jobId: job.jobId });
}

/** Compared with Buffer.equals: toEqual walks a buffer byte by byte (30 s for 3 MB). */
const sameBytes = async (a: string, b: string): Promise<boolean> =>
  (await readFile(a)).equals(await readFile(b));
const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const originals = new Map<string, string>();

const manifestOf = async (): Promise<PackManifest> =>
  JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;

beforeAll(async () => {
  if (!hasFfmpeg) return;
  h = await startHarness();
  catalog = await tempDir('video-src');
  out = await tempDir('video-pack');
  const clip = { seconds: 2, width: 320, height: 240, audio: true } as const;
  await Promise.all([
    makeClip(join(catalog, 'ok.mp4'), { ...clip, codec: 'h264' }),
    makeClip(join(catalog, 'web.webm'), { ...clip, codec: 'vp9', width: 480, height: 360 }),
    makeClip(join(catalog, 'big.mp4'), { ...clip, codec: 'h264', bitrate: '1500k' }),
    makeClip(join(catalog, 'long.mp4'), { ...clip, codec: 'h264', audio: false }),
    writeFile(join(catalog, 'shot.jpg'), (await productShot('white', 0)).data),
    hasPhone ? copyFile(PHONE, join(catalog, 'phone.mp4')) : null,
  ]);
  // Corrupt: a WebM header and then noise. The video reader refuses it at index.
  const webm = await readFile(join(catalog, 'web.webm'));
  await writeFile(
    join(catalog, 'broken.webm'),
    Buffer.concat([webm.subarray(0, 64), Buffer.alloc(4000, 7)]),
  );
  expect((await stat(join(catalog, 'big.mp4'))).size).toBeGreaterThan(RULES.maxBytes ?? 0);
  expect((await stat(join(catalog, 'ok.mp4'))).size).toBeLessThan(RULES.maxBytes ?? 0);

  for (const name of ['ok.mp4', 'web.webm', 'big.mp4', 'broken.webm'])
    originals.set(name, await sha256(join(catalog, name)));
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) asset.set(a.name, a.id);
  const facts = (name: string, f: Partial<Parameters<typeof putVideoFacts>[2]> = {}): void =>
    putVideoFacts(h.dataDir, asset.get(name) ?? 0, {
      durationMs: 2000,
      codec: 'h264',
      audioCodec: 'aac',
      width: 320,
      height: 240,
      ...f,
    });
  facts('ok.mp4');
  facts('big.mp4');
  facts('web.webm', { codec: 'vp9', audioCodec: 'opus', width: 480, height: 360 });
  facts('broken.webm', { codec: 'vp9', audioCodec: 'opus', width: 480, height: 360 });
  facts('long.mp4', { durationMs: 90_000, audioCodec: null }); // the facts say 90 s
  if (hasPhone) facts('phone.mp4', { durationMs: 1600, width: 1920, height: 1080 });
  const id = (n: string): number => asset.get(n) ?? 0;
  seedProducts(h.dataDir, [
    ...(hasPhone
      ? [{ sku: 'PHONE-1', links: [{ assetId: id('phone.mp4'), role: 'video' as const }] }]
      : []),
    {
      sku: 'V-1',
      links: [
        { assetId: id('shot.jpg'), role: 'main' },
        { assetId: id('ok.mp4'), role: 'video', position: 1 },
        { assetId: id('web.webm'), role: 'video', position: 2 },
        { assetId: id('big.mp4'), role: 'video', position: 3 },
        { assetId: id('broken.webm'), role: 'video', position: 4 },
        { assetId: id('long.mp4'), role: 'video', position: 5 },
      ],
    },
  ]);
  await h.call('presets.save', {
    id: 'vid',
    preset: tinyPreset({ channel: 'vid', roles: ['main'], video: RULES }),
  });
}, 120_000);

afterAll(async () => {
  if (!hasFfmpeg) return;
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe.skipIf(!hasFfmpeg)('video in a channel pack (needs ffmpeg)', () => {
  it.skipIf(!hasPhone)(
    "Amazon's built-in rules take a real phone video as it is: copied, with a full-size poster (needs forensics-samples-files)",
    async () => {
      const report = await h.call('exports.check', {
        channels: ['amazon-additional'],
        query: 'sku:PHONE-1',
      });
      expect(report.items.find((i) => i.assetName === 'phone.mp4')).toMatchObject({
        level: 'pass',
      });
      const amazonOut = await tempDir('video-pack-amazon');
      const job = await h.call('exports.start', {
        channels: ['amazon-additional'],
        query: 'sku:PHONE-1',
        out: amazonOut,
      });
      const summary = await h.call('exports.wait', { jobId: job.jobId });
      expect(summary).toMatchObject({ rendered: 2, failed: 0 });
      const dir = join(amazonOut, 'amazon');
      expect(await sameBytes(join(dir, 'PHONE-1.VIDEO01.mp4'), PHONE)).toBe(true);
      const poster = await readFile(join(dir, 'PHONE-1.VIDEO01.jpg'));
      expect(jpegSize(poster)).toEqual({ width: 1920, height: 1080 });
      await rm(amazonOut, { recursive: true, force: true });
    },
  );

  it('pre-flight: passes the compliant video, warns of transcodes, fails what a transcode cannot fix', async () => {
    const report = await h.call('exports.check', { channels: ['vid'] });
    const of = (name: string): PreflightItem | undefined =>
      report.items.find((i) => i.assetName === name);
    expect(of('ok.mp4')?.level).toBe('pass');
    expect(of('web.webm')?.level).toBe('warn');
    const web = of('web.webm')
      ?.checks.map((c) => c.reason)
      .join('\n');
    expect(web).toMatch(/WEBM is not accepted \(mp4, mov\); will be transcoded to H\.264\/AAC MP4/);
    expect(web).toMatch(/video codec vp9 is not accepted \(h264\)/);
    expect(web).toMatch(/audio codec opus is not accepted \(aac\)/);
    expect(of('big.mp4')?.level).toBe('warn');
    expect(of('big.mp4')?.checks[0]?.reason).toMatch(
      /MB is over the limit of 0\.2 MB; will be transcoded/,
    );
    // Indexing found it damaged (video-reader.ts): pre-flight refuses it, with the reason.
    expect(of('broken.webm')?.level).toBe('fail');
    expect(of('broken.webm')?.checks[0]?.reason).toMatch(/could not be read/);
    expect(of('long.mp4')?.level).toBe('fail');
    expect(of('long.mp4')?.checks[0]?.reason).toMatch(
      /90 s is longer than the 60 s the channel takes/,
    );
  });

  it('copies a compliant video byte for byte, transcodes the rest within the size target, writes posters; a damaged one is held at pre-flight, the rest land', async () => {
    const before = { ...ffmpegRuns };
    const summary = await run();
    const m = await manifestOf();
    const byFile = new Map(m.files.map((f) => [f.file, f]));
    const dir = join(out, 'vid', 'V-1');

    // The photo and the compliant video land; the copy is the original's bytes.
    expect(byFile.get('vid/V-1/V-1-1.jpg')).toBeDefined();
    expect(await sameBytes(join(dir, 'V-1-video-1.mp4'), join(catalog, 'ok.mp4'))).toBe(true);
    expect(byFile.get('vid/V-1/V-1-video-1.mp4')).toMatchObject({
      kind: 'video',
      durationMs: 2000,
      codec: 'h264',
      audioCodec: 'aac',
      width: 320,
      height: 240,
    });

    // The WebM and the over-size MP4 become H.264/AAC MP4 under the target, 320 px wide.
    for (const name of ['V-1-video-2.mp4', 'V-1-video-3.mp4']) {
      const file = join(dir, name);
      const p = await probe(file);
      expect(p.format).toContain('mp4');
      expect(p.video).toMatchObject({ codec: 'h264', profile: 'Main', width: 320, height: 240 });
      expect(p.audio?.codec).toBe('aac');
      expect(Math.abs(p.durationS - 2)).toBeLessThan(0.2);
      expect((await stat(file)).size).toBeLessThanOrEqual(RULES.transcode?.targetBytes ?? 0);
      expect(byFile.get(`vid/V-1/${name}`)).toMatchObject({ kind: 'video', codec: 'h264' });
    }
    // +faststart: the index (moov) comes before the media (mdat).
    const head = await readFile(join(dir, 'V-1-video-2.mp4'));
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));

    // A poster beside each video, a JPEG of the video's frame.
    for (const n of [1, 2, 3]) {
      const jpeg = await readFile(join(dir, `V-1-video-${n}.jpg`));
      expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(byFile.get(`vid/V-1/V-1-video-${n}.jpg`)).toMatchObject({
        kind: 'poster',
        width: 320,
        height: 240,
      });
    }

    // The corrupt one was refused at index (the video reader's error), so pre-flight fails it
    // and it is never planned; the too-long one is left out. Nothing else is held back.
    expect(summary.failed).toBe(0);
    expect(summary.skipped).toBe(2);
    expect(summary.rendered).toBe(7); // the photo, 3 videos, 3 posters
    expect(ffmpegRuns.transcodes - before.transcodes).toBe(2); // web, big
    // Where used: the video, not its poster again.
    const used = await h.call('usages.list', { assetId: asset.get('web.webm') ?? 0 });
    expect(used.filter((u) => u.presetId === 'vid').map((u) => u.file)).toEqual([
      'vid/V-1/V-1-video-2.mp4',
    ]);
    // The image CSV lists images only.
    expect(await readFile(join(out, 'vid-images.csv'), 'utf8')).not.toMatch(/video/);
    // The originals are untouched.
    for (const [name, sha] of originals) expect(await sha256(join(catalog, name))).toBe(sha);
  });

  it('a re-export with nothing changed runs no ffmpeg and touches no file', async () => {
    const mtimes = async (): Promise<number[]> =>
      Promise.all(
        ['video-1.mp4', 'video-2.mp4', 'video-3.mp4', 'video-2.jpg'].map(
          async (n) => (await stat(join(out, 'vid', 'V-1', `V-1-${n}`))).mtimeMs,
        ),
      );
    const before = { runs: { ...ffmpegRuns }, mtimes: await mtimes() };
    const summary = await run();
    expect(summary.rendered).toBe(0);
    expect(summary.unchanged).toBe(7);
    expect(ffmpegRuns.transcodes - before.runs.transcodes).toBe(0);
    expect(await mtimes()).toEqual(before.mtimes);
  });

  it('packshot export killed as a transcode lands resumes: no partial file, nothing made twice', async () => {
    const cliOut = await tempDir('video-pack-cli');
    const run = (fault: string | null): SpawnSyncReturns<string> =>
      spawnSync(
        process.execPath,
        [
          ...[packshotBin, '--data', h.dataDir, 'export', '--channel', 'vid'],
          ...['--query', 'sku:V-1', '--out', cliOut, '--json'],
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, PACKSHOT_DATA: '', ...(fault ? { PACKSHOT_FAULT: fault } : {}) },
          timeout: 240_000,
        },
      );
    // Landings in order: the photo, video 1 (copied), its poster, video 2 (transcoded): killed
    // with video 2 transcoded and journalled, not yet renamed into view.
    const killed = run('export.before-rename:4');
    expect(killed.signal).toBe('SIGKILL');
    const dir = join(cliOut, 'vid', 'V-1');
    const left = await readdir(dir);
    expect(left.filter((n) => n.endsWith('.packshot-tmp'))).toHaveLength(1);
    expect(left).not.toContain('V-1-video-2.mp4');

    const resumed = run(null);
    expect(resumed.status, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as ExportSummary;
    expect(summary).toMatchObject({ unchanged: 3, rendered: 4, failed: 0, skipped: 2 });
    const files = await readdir(dir);
    expect(files.filter((n) => n.includes('packshot-tmp'))).toEqual([]);
    expect(await sameBytes(join(dir, 'V-1-video-1.mp4'), join(catalog, 'ok.mp4'))).toBe(true);
    const p = await probe(join(dir, 'V-1-video-2.mp4'));
    expect(p.video.codec).toBe('h264');
    expect(Math.abs(p.durationS - 2)).toBeLessThan(0.2);
    await rm(cliOut, { recursive: true, force: true });
  });

  it('never overwrites a file the user put where a video goes', async () => {
    // The user replaces a transcoded video the pack made with a file of their own.
    const mine = join(out, 'vid', 'V-1', 'V-1-video-3.mp4');
    await rm(mine);
    await writeFile(mine, 'my own edit');
    const summary = await run();
    expect(await readFile(mine, 'utf8')).toBe('my own edit');
    expect(summary.errors.find((e) => e.file?.endsWith('-3.mp4'))?.reason).toMatch(/in the way/);
    await rm(mine); // the next test transcodes it again
  });
  it('a new size target transcodes again; copies and posters stay as they are', async () => {
    const dir = join(out, 'vid', 'V-1');
    const mtime = async (n: string): Promise<number> => (await stat(join(dir, n))).mtimeMs;
    const kept = ['V-1-video-1.mp4', 'V-1-video-2.jpg', 'V-1-video-3.jpg'];
    const before = { runs: { ...ffmpegRuns }, mtimes: await Promise.all(kept.map(mtime)) };
    const transcode = { ...RULES.transcode!, targetBytes: 100_000 };
    await h.call('presets.save', {
      id: 'vid',
      preset: tinyPreset({ channel: 'vid', roles: ['main'], video: { ...RULES, transcode } }),
    });
    await run();
    expect(ffmpegRuns.transcodes - before.runs.transcodes).toBe(2); // web and big
    expect(await Promise.all(kept.map(mtime))).toEqual(before.mtimes);
    for (const n of [2, 3])
      expect((await stat(join(dir, `V-1-video-${n}.mp4`))).size).toBeLessThanOrEqual(100_000);
  });
});
