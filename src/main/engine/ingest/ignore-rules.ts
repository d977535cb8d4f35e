import picomatch from 'picomatch';

/**
 * Never catalogued unless the user says otherwise: dotfiles, OS clutter, files still being
 * downloaded or written (exiftool's `*_exiftool_tmp`), and sidecars (read with their
 * image, not as assets of their own).
 */
export const DEFAULT_IGNORE: readonly string[] = [
  '**/.*',
  '**/.*/**',
  '**/Thumbs.db',
  '**/desktop.ini',
  '**/$RECYCLE.BIN/**',
  '**/System Volume Information/**',
  '**/*.xmp',
  '**/*.tmp',
  '**/*_exiftool_tmp',
  '**/*.part',
  '**/*.crdownload',
  '**/*.download',
  '**/~$*',
];

export type IgnoreTest = (relPath: string) => boolean;

/** Matcher over paths relative to the catalog, '/' separated. */
export function ignoreRules(extra: readonly string[] = []): IgnoreTest {
  const match = picomatch([...DEFAULT_IGNORE, ...extra], { dot: true, nocase: true });
  return (relPath) => relPath !== '' && match(relPath);
}
