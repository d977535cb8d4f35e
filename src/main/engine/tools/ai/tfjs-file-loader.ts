// TensorFlow.js loads a model by URL; in Node its only handler is fetch, and Node's fetch
// cannot read file:// URLs. This routes file:// model URLs to the disk instead: the models
// ship inside npm packages and nothing is ever fetched (a network URL is not routed here,
// and the AI process has no reason to name one).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The parts of tf.io this needs (Human hands us its TensorFlow.js instance). */
export interface TfIo {
  registerLoadRouter(router: (url: string | string[]) => unknown): void;
  getModelArtifactsForJSON(
    json: unknown,
    loadWeights: (manifest: WeightGroup[]) => Promise<[unknown[], ArrayBuffer]>,
  ): Promise<unknown>;
}

interface WeightGroup {
  paths: string[];
  weights: unknown[];
}

async function loadFromDisk(io: TfIo, url: string): Promise<unknown> {
  const json: unknown = JSON.parse(await readFile(fileURLToPath(url), 'utf8'));
  return io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs: unknown[] = [];
    const parts: Buffer[] = [];
    for (const group of manifest) {
      for (const path of group.paths) parts.push(await readFile(fileURLToPath(new URL(path, url))));
      specs.push(...group.weights);
    }
    const all = Buffer.concat(parts);
    return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
  });
}

export function routeFileUrlsToDisk(io: TfIo): void {
  io.registerLoadRouter((url) =>
    typeof url === 'string' && url.startsWith('file://')
      ? { load: () => loadFromDisk(io, url) }
      : null,
  );
}
