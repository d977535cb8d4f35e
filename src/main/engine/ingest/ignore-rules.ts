import { compileGlob, type GlobTest } from '../../../shared/patterns/glob';

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

/**
 * Matcher over paths relative to the catalog, '/' separated, on the linear-time glob engine.
 * A stored glob it cannot run (saved before globs were checked) is reported and skipped.
 */
export function ignoreRules(extra: readonly string[] = []): IgnoreTest {
  const tests: GlobTest[] = [];
  for (const glob of [...DEFAULT_IGNORE, ...extra]) {
    try {
      tests.push(compileGlob(glob));
    } catch (error) {
      console.error(`packshot: ignore pattern skipped: ${(error as Error).message}`);
    }
  }
  return (relPath) => relPath !== '' && tests.some((t) => t(relPath));
}
