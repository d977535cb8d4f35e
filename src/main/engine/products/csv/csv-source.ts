import { readFile, stat } from 'node:fs/promises';
import { PackshotError } from '../../../../shared/errors';
import { CSV_LIMITS } from './csv-limits';
import type { UploadStore } from './csv-uploads';

export interface CsvSource {
  path?: string;
  base64?: string;
  uploadId?: string;
}

/** A CSV's bytes from a path on this machine, from base64, or from a committed upload. */
export async function csvBytes(source: CsvSource, uploads: UploadStore): Promise<Uint8Array> {
  if (source.uploadId !== undefined) return uploads.bytes(source.uploadId);
  if (source.base64 !== undefined) return Buffer.from(source.base64, 'base64');
  const path = source.path ?? '';
  // Only table files: a path argument must not turn into a way to read any file's lines.
  if (!/\.(csv|tsv|txt)$/i.test(path))
    throw new PackshotError('invalid_argument', `${path} is not a .csv, .tsv or .txt file`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new PackshotError('not_found', `No file ${path}`);
  if (info.size > CSV_LIMITS.fileBytes)
    throw new PackshotError(
      'invalid_argument',
      `${path} is larger than ${CSV_LIMITS.fileBytes / 1024 / 1024} MB; split it`,
    );
  return readFile(path);
}
