import { compileGlob, compileGlobs, type GlobTest } from '../../../shared/patterns/glob';

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
  for (const glob of extra) {
    try {
      tests.push(compileGlob(glob));
    } catch (error) {
      console.error(`packshot: ignore pattern skipped: ${(error as Error).message}`);
    }
  }
  return (relPath) =>
    relPath !== '' && (ignoredByDefault(relPath) || tests.some((t) => t(relPath)));
}

let defaultGlobs: GlobTest | null = null;
const ASCII = /^[\x20-\x7e]*$/;
const FOLDERS = new Set(['$recycle.bin', 'system volume information']);
const NAMES = new Set(['thumbs.db', 'desktop.ini']);
const ENDINGS = ['.xmp', '.tmp', '_exiftool_tmp', '.part', '.crdownload', '.download'];

/**
 * DEFAULT_IGNORE without the glob engine for printable-ASCII paths: the walk asks for every
 * file, and thirteen RE2 matches a name took most of a walk's time (8–90 ms for 171 files,
 * the listing's share of first paint). Other paths go through the globs, whose case-blind
 * match folds Unicode (ſ is s, the Kelvin sign is k) as toLowerCase does not.
 * `ignore-rules.test.ts` checks both agree.
 */
export function ignoredByDefault(relPath: string): boolean {
  if (!ASCII.test(relPath)) {
    defaultGlobs ??= compileGlobs(DEFAULT_IGNORE);
    return defaultGlobs(relPath);
  }
  const segments = relPath.toLowerCase().split('/');
  for (const segment of segments) {
    // '**/.*' and '**/.*/**': any segment that starts with a dot; '…/**': a folder, or a
    // file of that name.
    if (segment.startsWith('.') || FOLDERS.has(segment)) return true;
  }
  const name = segments[segments.length - 1] ?? '';
  return NAMES.has(name) || name.startsWith('~$') || ENDINGS.some((e) => name.endsWith(e));
}
