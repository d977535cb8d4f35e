// A group's source, read once for all its renditions: its bytes hashed (the manifest's
// sourceHash), its own rights when a preset writes them, its header parsed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readRights, readsOwnRights, type RightsFields } from '../../tools/render/color';
import { prepareSource, type PreparedSource } from '../../tools/render/render-rendition';
import type { PlannedFile } from './plan-pack';
import { modelSource, type ModelSource } from './render-model-file';

/** Never rejects: an unreadable source fails each of its files, not the run. */
export type Prepared =
  | { source: PreparedSource; sourceHash: string }
  | { model: ModelSource; sourceHash: string }
  | { error: unknown };

export async function readSource(files: readonly PlannedFile[]): Promise<Prepared> {
  try {
    const input = await readFile(files[0]?.image.path ?? '');
    const sourceHash = createHash('sha256').update(input).digest('hex');
    // A group is one asset: a model's files are all model files.
    if (files[0]?.model) return { model: modelSource(files[0].image.path, input), sourceHash };
    const rights: RightsFields | null = files.some((f) => readsOwnRights(f.options))
      ? await readRights(input)
      : null;
    return { source: await prepareSource(input, rights), sourceHash };
  } catch (error) {
    return { error };
  }
}
