import { access } from 'node:fs/promises';

/**
 * Sidecars of a file, in both namings: `name.xmp` (Adobe, for RAW) and `name.ext.xmp`
 * (darktable, digiKam). Upper- and lower-case extensions both occur in the wild.
 */
export function sidecarCandidates(relPath: string): string[] {
  const dot = relPath.lastIndexOf('.');
  const slash = relPath.lastIndexOf('/');
  const stem = dot > slash + 1 ? relPath.slice(0, dot) : relPath;
  return [...new Set([`${stem}.xmp`, `${stem}.XMP`, `${relPath}.xmp`, `${relPath}.XMP`])];
}

export async function findSidecars(root: string, relPath: string): Promise<string[]> {
  const found: string[] = [];
  for (const candidate of sidecarCandidates(relPath)) {
    try {
      await access(`${root}/${candidate}`);
      found.push(candidate);
    } catch {
      // not there
    }
  }
  return found;
}

/** The images a sidecar may belong to: same stem with any extension, or `name.ext` itself. */
export function sidecarOwnerStem(relPath: string): { exact: string; stem: string } {
  const withoutXmp = relPath.replace(/\.xmp$/i, '');
  return { exact: withoutXmp, stem: withoutXmp };
}
