import { stat } from 'node:fs/promises';
import { findSidecars } from './find-sidecars';
import type { Segments } from './metadata-segments';

/** A sidecar as read: its size and mtime tell a later walk whether it changed. */
export interface SidecarStamp {
  relPath: string;
  bytes: number;
  mtimeMs: number;
}
import { readSidecar } from './read-metadata';

export interface SidecarsRead {
  sidecars: { relPath: string; segments: Segments }[];
  /** Size and mtime of each sidecar, taken before reading it (a later change shows). */
  stamps: SidecarStamp[];
}

/** The XMP sidecars of a file, read, with what the next walk compares them by. */
export async function readSidecars(root: string, relPath: string): Promise<SidecarsRead> {
  const out: SidecarsRead = { sidecars: [], stamps: [] };
  for (const rel of await findSidecars(root, relPath)) {
    const path = `${root}/${rel}`;
    try {
      const info = await stat(path);
      out.stamps.push({ relPath: rel, bytes: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
    } catch {
      continue; // gone since the folder was listed
    }
    const segments = await readSidecar(path);
    if (segments) out.sidecars.push({ relPath: rel, segments });
  }
  return out;
}
