import { statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSeen } from '../repositories/asset-file-repo';
import { describeFsError } from '../media/describe-index-error';
import { kindOf } from './file-kinds';
import type { IgnoreTest } from './ignore-rules';

export interface WalkResult {
  files: FileSeen[];
  /** XMP sidecars of files the rules let through (read with their image, not assets). */
  sidecars: SidecarSeen[];
  /** Every folder walked (relative, '/' separated), the root excluded. */
  folders: string[];
  /** Folders that could not be read, with the reason; the walk goes on without them. */
  problems: { relPath: string; reason: string }[];
}

export interface SidecarSeen {
  relPath: string;
  bytes: number;
  mtimeMs: number;
}

/** Longest the walk keeps the event loop before letting other work run. */
const SLICE_MS = 8;
const SIDECAR = /\.xmp$/i;

/**
 * Lists every file below root that the ignore rules let through. Symbolic links to
 * folders are not followed, so a link loop cannot trap the walk; links to files are
 * indexed as the file they point to.
 */
export async function walkFolder(root: string, ignored: IgnoreTest): Promise<WalkResult> {
  const files: FileSeen[] = [];
  const sidecars: SidecarSeen[] = [];
  const walked: string[] = [];
  const problems: WalkResult['problems'] = [];
  const folders: string[] = [''];

  while (folders.length > 0) {
    const rel = folders.pop() ?? '';
    if (rel !== '') walked.push(rel);
    const candidates: { relPath: string; name: string; sidecar: boolean }[] = [];
    try {
      for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
        const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          // A folder is skipped when a rule ignores it or everything in it.
          if (!ignored(relPath) && !ignored(`${relPath}/*`)) folders.push(relPath);
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          // A sidecar counts when the file it describes would: the rules ignore *.xmp itself.
          const sidecar = SIDECAR.test(entry.name);
          if (!ignored(sidecar ? relPath.replace(SIDECAR, '') : relPath))
            candidates.push({ relPath, name: entry.name, sidecar });
        }
      }
    } catch (error) {
      problems.push({ relPath: rel || '.', reason: describeFsError(error) });
      continue;
    }
    // Synchronous stats, yielding to the event loop every few milliseconds: a stat through
    // the thread pool costs several times the CPU of the stat itself (a restart over
    // 100,000 files is mostly stats), and the time box keeps the engine responsive.
    let sliceStart = performance.now();
    for (const candidate of candidates) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      let info: Stats;
      try {
        info = statSync(join(root, candidate.relPath));
      } catch (error) {
        problems.push({ relPath: candidate.relPath, reason: describeFsError(error) });
        continue;
      }
      if (!info.isFile()) continue; // a link to a folder
      if (candidate.sidecar) {
        sidecars.push({
          relPath: candidate.relPath,
          bytes: info.size,
          mtimeMs: Math.trunc(info.mtimeMs),
        });
      } else {
        files.push({
          relPath: candidate.relPath,
          name: candidate.name,
          bytes: info.size,
          mtimeMs: Math.trunc(info.mtimeMs),
          kind: kindOf(candidate.name),
          // From the same stat: telling identical copies apart costs no extra call.
          ino: info.ino,
          dev: info.dev,
        });
      }
    }
  }
  return { files, sidecars, folders: walked, problems };
}
