// The model worker's entry (a build input of its own, out/main/model-worker.js): reads,
// validates and draws one model per message, so a huge or hostile file costs a thread
// that can be stopped, never the engine's main thread.
import { parentPort } from 'node:worker_threads';
import { analyseModel } from './analyse-model';

parentPort?.on('message', (job: { id: number; path: string }) => {
  analyseModel(job.path).then(
    (read) => {
      const transfer = read.pixels ? [read.pixels.data.buffer as ArrayBuffer] : [];
      parentPort?.postMessage({ id: job.id, read }, transfer);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const name = error instanceof Error ? error.name : 'Error';
      parentPort?.postMessage({ id: job.id, error: { message, name } });
    },
  );
});
