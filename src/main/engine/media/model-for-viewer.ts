import { existsSync } from 'node:fs';
import type { AssetFileRepo, Located } from '../repositories/asset-file-repo';
import { packModelInWorker } from '../tools/gltf/run-model-worker';
import type { MediaCache } from './media-cache';

export interface ModelMediaDeps {
  cache: MediaCache;
  files: AssetFileRepo;
}

const VIEWABLE = /\.(glb|gltf)$/i;

/** A registered glTF/GLB with this content, on disk: null for any other hash. */
export function modelFile(deps: ModelMediaDeps, hash: string): Located | null {
  return (
    deps.files
      .withHash(hash, -1)
      .find(
        (f) =>
          f.kind === 'model' &&
          VIEWABLE.test(f.name) &&
          f.state !== 'missing' &&
          existsSync(f.path),
      ) ?? null
  );
}

const making = new Map<string, Promise<string | null>>();

/**
 * The file the loupe's viewer loads for a model's content: a plain GLB as it lies, else
 * (a .gltf with external files, Draco or meshopt geometry) one GLB packed on first ask on a
 * model worker and cached by content. Packing at index would double the cache for models
 * nobody opens. Null for a hash no viewable model has, or one that cannot be packed.
 */
export function modelForViewer(deps: ModelMediaDeps, hash: string): Promise<string | null> {
  if (deps.cache.has('model', hash)) return Promise.resolve(deps.cache.pathFor('model', hash));
  let pending = making.get(hash);
  if (!pending) {
    pending = packOnce(deps, hash).finally(() => making.delete(hash));
    making.set(hash, pending);
  }
  return pending;
}

async function packOnce(deps: ModelMediaDeps, hash: string): Promise<string | null> {
  const file = modelFile(deps, hash);
  if (!file) return null;
  // Loaded on first ask: its gltf-transform stays out of a process that serves no model.
  const { viewableAsIs } = await import('../tools/gltf/pack-for-viewer');
  if (await viewableAsIs(file.path)) return file.path;
  let packed: Uint8Array;
  try {
    packed = await packModelInWorker(file.path);
  } catch {
    return null; // the loupe shows its fallback and the asset's own error
  }
  return deps.cache.write('model', hash, packed);
}
