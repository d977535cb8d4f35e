// A group's source, read once for all its renditions: its bytes hashed (the manifest's
// sourceHash), its own rights when a preset writes them, its header parsed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readRights, readsOwnRights, type RightsFields } from '../../tools/render/color';
import { prepareSource, type PreparedSource } from '../../tools/render/render-rendition';
import type { PlannedFile } from './plan-pack';

/** Never rejects: an unreadable source fails each of its files, not the run. */
export type Prepared = { source: PreparedSource; sourceHash: string } | { error: unknown };

export async function readSource(files: readonly PlannedFile[]): Promise<Prepared> {
  try {
    const input = await readFile(files[0]?.image.path ?? '');
    const sourceHash = createHash('sha256').update(input).digest('hex');
    const rights: RightsFields | null = files.some((f) => readsOwnRights(f.options))
      ? await readRights(input)
      : null;
    return { source: await prepareSource(input, rights), sourceHash };
  } catch (error) {
    return { error };
  }
}
