import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { setSharpThreads, sharp, sharpLoaded } from '../sharp/sharp-lib';
import { spawnModelWorker } from './run-model-worker';

// sharp is loaded on first use, and model workers use it on their own threads (textures,
// stills). On glibc the main thread must have loaded it before such a thread starts, or
// libvips is unloaded when the thread ends (sharp's "worker threads" note); and only a
// load in this thread applies the engine's thread count to libvips.
describe('a model worker thread', () => {
  it('starts with sharp loaded here, the thread count applied', async () => {
    const dir = await tempDir('model-worker-sharp');
    try {
      const file = join(dir, 'worker.mjs');
      await writeFile(
        file,
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('up');\n",
      );
      setSharpThreads(3);
      expect(sharpLoaded()).toBe(false);
      const worker = spawnModelWorker(file);
      try {
        expect(sharpLoaded()).toBe(true);
        expect(sharp.concurrency()).toBe(3);
        await new Promise((resolve) => worker.once('message', resolve));
      } finally {
        await worker.terminate();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
