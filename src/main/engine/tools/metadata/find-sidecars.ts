import { readdir } from 'node:fs/promises';

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

/** Sidecar names per folder, read once and kept briefly: one readdir, not four stats per file. */
const LISTING_MS = 2000;
const listings = new Map<string, { at: number; names: Promise<Set<string>> }>();

function sidecarsIn(folder: string): Promise<Set<string>> {
  const now = Date.now();
  const cached = listings.get(folder);
  if (cached && now - cached.at < LISTING_MS) return cached.names;
  const names = readdir(folder)
    .then((all) => new Set(all.filter((name) => /\.xmp$/i.test(name))))
    .catch(() => new Set<string>());
  listings.set(folder, { at: now, names });
  if (listings.size > 1000) listings.delete(listings.keys().next().value as string);
  return names;
}

export async function findSidecars(root: string, relPath: string): Promise<string[]> {
  const slash = relPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : relPath.slice(0, slash);
  const present = await sidecarsIn(listingKey(root, folder));
  if (present.size === 0) return [];
  return sidecarCandidates(relPath).filter((candidate) => present.has(candidate.slice(slash + 1)));
}

function listingKey(root: string, folder: string): string {
  return folder === '' ? root : `${root}/${folder}`;
}

/** Forget what is known of a folder's sidecars (one was just made, changed or removed). */
export function forgetSidecars(root: string, sidecarRelPath: string): void {
  const slash = sidecarRelPath.lastIndexOf('/');
  listings.delete(listingKey(root, slash < 0 ? '' : sidecarRelPath.slice(0, slash)));
}
