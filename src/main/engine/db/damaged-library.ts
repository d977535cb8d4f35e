// SQLite's own words for a damaged file ("database disk image is malformed") name no file
// and no way forward; these say which library and what to run.
import { dirname } from 'node:path';
import { PackshotError } from '../../../shared/errors';

/** SQLITE_CORRUPT (a bad or missing page, a truncated file) or SQLITE_NOTADB (no header). */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

export function damagedLibraryError(file: string, cause: unknown): PackshotError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new PackshotError(
    'io',
    `The library ${file} is damaged (${why}). Nothing was changed. ` +
      `Close Packshot and run \`packshot doctor --data "${dirname(file)}"\`: it checks the ` +
      `file and says how to restore a backup or salvage what is readable.`,
  );
}
