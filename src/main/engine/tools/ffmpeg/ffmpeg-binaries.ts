import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  /** Where they came from, for the README's promise and `packshot doctor`-style reports. */
  source: 'env' | 'npm' | 'system';
}

const require = createRequire(import.meta.url);
let cached: FfmpegBinaries | null | undefined;

/**
 * The ffmpeg and ffprobe Packshot runs, in this order: PACKSHOT_FFMPEG / PACKSHOT_FFPROBE
 * (a user's own build), the static builds shipped inside the npm packages
 * `@ffmpeg-installer/ffmpeg` and `@ffprobe-installer/ffprobe` (no download at install), and
 * the machine's own on PATH (Debian's `ffmpeg`). Null when none runs here: video is then
 * catalogued with its file facts and a notice, never an error on every file.
 * PACKSHOT_FFMPEG=off turns them off.
 */
export function ffmpegBinaries(): FfmpegBinaries | null {
  if (cached !== undefined) return cached;
  // `off`: none on purpose (a machine where video must not be decoded; the no-ffmpeg test).
  cached = process.env.PACKSHOT_FFMPEG === 'off' ? null : (fromEnv() ?? fromNpm() ?? fromPath());
  return cached;
}

/** Forgets the binaries found, so the next call looks again (tests that change the env). */
export function resetFfmpegBinaries(): void {
  cached = undefined;
}

function fromEnv(): FfmpegBinaries | null {
  const ffmpeg = process.env.PACKSHOT_FFMPEG;
  const ffprobe = process.env.PACKSHOT_FFPROBE;
  return ffmpeg && ffprobe && runnable(ffmpeg) && runnable(ffprobe)
    ? { ffmpeg, ffprobe, source: 'env' }
    : null;
}

function fromNpm(): FfmpegBinaries | null {
  try {
    const ffmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    const ffprobe = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    // Inside an Electron package the binaries sit beside the asar, never inside it.
    const real = (p: string): string => p.replace('app.asar', 'app.asar.unpacked');
    return runnable(real(ffmpeg)) && runnable(real(ffprobe))
      ? { ffmpeg: real(ffmpeg), ffprobe: real(ffprobe), source: 'npm' }
      : null;
  } catch {
    return null; // no build for this platform in the packages
  }
}

function fromPath(): FfmpegBinaries | null {
  const find = (bin: string): string | null => {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const full = join(dir, process.platform === 'win32' ? `${bin}.exe` : bin);
      if (dir && runnable(full)) return full;
    }
    return null;
  };
  const ffmpeg = find('ffmpeg');
  const ffprobe = find('ffprobe');
  return ffmpeg && ffprobe ? { ffmpeg, ffprobe, source: 'system' } : null;
}

function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
