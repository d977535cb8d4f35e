// The takedown list as a CSV file. It lands whole (a temporary file, fsync'd, then moved
// into place) and never over a file that is already there unless asked: the name may be a
// user's own file. Without `force` the move is a hard link, which fails when the name
// exists, so there is no window between a check and the write.
import { copyFile, constants, link, rename } from 'node:fs/promises';
import { PackshotError } from '../../../shared/errors';
import type { TakedownRow } from '../../../shared/usage-dto';
import { writeDurably } from '../tools/files/durable-files';

const HEADER = [
  'licence_id',
  'licence',
  'ends_on',
  'status',
  'asset_id',
  'channel',
  'preset',
  'sku',
  'pack',
  'file',
];

export function takedownCsv(rows: readonly TakedownRow[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.licenceId,
        r.licence,
        r.endsOn,
        r.ended ? 'ended' : 'ending',
        r.assetId,
        r.channel,
        r.presetId,
        r.sku,
        r.pack,
        r.file,
      ]
        .map((v) => cell(String(v)))
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

export async function writeTakedownCsv(
  target: string,
  text: string,
  force: boolean,
): Promise<void> {
  try {
    await writeDurably(target, text, { place: force ? rename : placeNew });
  } catch (error) {
    if (error instanceof PackshotError) throw error;
    throw new PackshotError('io', `could not write ${target}: ${(error as Error).message}`);
  }
}

async function placeNew(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    // A file system without hard links: an exclusive copy still never replaces a file.
    await copyFile(temp, target, constants.COPYFILE_EXCL).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST' ? exists(target) : e;
    });
  }
}

function exists(target: string): PackshotError {
  return new PackshotError(
    'conflict',
    `${target} already exists and is left as it is (--force replaces it)`,
  );
}

/** Quoted when needed; a leading = + - @ is defused so a spreadsheet shows it as text. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
