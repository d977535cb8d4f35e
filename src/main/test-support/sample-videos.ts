// Short videos made by ffmpeg's test sources, for tests and the bench.
import { copyFile, open, stat, unlink } from 'node:fs/promises';
import { ffmpegBinaries } from '../engine/tools/ffmpeg/ffmpeg-binaries';
import { runTool } from '../engine/tools/process/run-tool';

export const FORENSICS_MP4 =
  '/usr/share/forensics-samples/original-files/movie1/VID_20191220_170832.mp4';
export const FORENSICS_AVI = '/usr/share/forensics-samples/original-files/movie2/movie-hello.avi';

export interface ClipOptions {
  seconds?: number;
  width?: number;
  height?: number;
  /** The display matrix's turn, written by remuxing with `-metadata:s:v:0 rotate=`. */
  rotate?: number;
  /** Seconds of black before the test pattern. */
  blackLead?: number;
  /** A 440 Hz tone beside the picture. */
  audio?: boolean;
  /** The lavfi source: 'testsrc' or e.g. 'mandelbrot' (distinct clips for the bench). */
  source?: string;
  creationTime?: string;
  /** The index (moov) before the data, as web encoders write it. */
  faststart?: boolean;
  /** 'h264' (AAC audio, for MP4) or 'vp9' (Opus audio, for WebM); h264 unless said. */
  codec?: 'h264' | 'vp9';
  /** A fixed video bitrate, e.g. '1500k' (a big file); the encoder's own choice unless said. */
  bitrate?: string;
}

/** A clip (H.264 MP4 unless said) made with the ffmpeg Packshot runs; throws without one. */
export async function makeClip(path: string, options: ClipOptions = {}): Promise<string> {
  const bins = ffmpegBinaries();
  if (!bins) throw new Error('No ffmpeg to make a test clip with');
  const seconds = options.seconds ?? 2;
  const size = `${options.width ?? 320}x${options.height ?? 240}`;
  const lead = options.blackLead ?? 0;
  const source = options.source ?? 'testsrc';
  const picture = `${source}=size=${size}:rate=25:duration=${seconds - lead}`;
  const graph =
    lead > 0
      ? `color=black:size=${size}:rate=25:duration=${lead}[b];${picture}[p];[b][p]concat=n=2:v=1[v]`
      : `${picture}[v]`;
  const args = ['-v', 'error', '-y', '-filter_complex', graph];
  if (options.audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  args.push('-map', '[v]');
  const vp9 = options.codec === 'vp9';
  if (options.audio) args.push('-map', '0:a', '-c:a', vp9 ? 'libopus' : 'aac');
  if (vp9) args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8');
  else args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  const rate = options.bitrate;
  if (rate) args.push('-b:v', rate, '-minrate', rate, '-maxrate', rate);
  if (rate && !vp9) args.push('-x264-params', 'nal-hrd=cbr', '-bufsize', rate);
  const dated = options.creationTime ? ['-metadata', `creation_time=${options.creationTime}`] : [];
  args.push(...dated);
  if (options.faststart) args.push('-movflags', '+faststart');
  const plain = options.rotate ? `${path}.plain.mp4` : path;
  await runTool(bins.ffmpeg, [...args, plain], { timeoutMs: 60_000 });
  if (options.rotate) {
    // The encoder drops a rotate tag given with the encode; a remux keeps it.
    await runTool(
      bins.ffmpeg,
      [
        ...['-v', 'error', '-y', '-i', plain, '-c', 'copy', ...dated],
        ...['-metadata:s:v:0', `rotate=${options.rotate}`, path],
      ],
      { timeoutMs: 60_000 },
    );
    await unlink(plain);
  }
  return path;
}

/** A copy of `source` cut to its first half, as an interrupted copy leaves it. */
export async function cutInHalf(source: string, target: string): Promise<void> {
  await copyFile(source, target);
  const handle = await open(target, 'r+');
  try {
    await handle.truncate(Math.floor((await stat(source)).size / 2));
  } finally {
    await handle.close();
  }
}
