// The model worker's entry (a build input of its own, out/main/model-worker.js): reads,
// validates and draws one model per message, or packs one for the viewer or for export, so
// a huge or hostile file costs a thread that can be stopped, never the engine's main thread.
import { parentPort } from 'node:worker_threads';
import { analyseModel } from './analyse-model';
import { packModel } from '../model-pack/pack-model';
import { postedPack, type ModelJob } from './model-job';
import { packForViewer } from './pack-for-viewer';

function post(id: number, work: Promise<{ result: unknown; transfer: ArrayBuffer[] }>): void {
  work.then(
    ({ result, transfer }) => parentPort?.postMessage({ id, result }, transfer),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const name = error instanceof Error ? error.name : 'Error';
      parentPort?.postMessage({ id, error: { message, name } });
    },
  );
}

parentPort?.on('message', (job: ModelJob & { id: number }) => {
  if (job.op === 'export') {
    post(job.id, packModel(job.path, job.bytes, job.rules).then(postedPack));
  } else if (job.op === 'pack') {
    post(
      job.id,
      packForViewer(job.path).then((glb) => ({
        result: glb,
        transfer: [glb.buffer as ArrayBuffer],
      })),
    );
  } else {
    post(
      job.id,
      analyseModel(job.path).then((read) => ({
        result: read,
        transfer: read.pixels ? [read.pixels.data.buffer as ArrayBuffer] : [],
      })),
    );
  }
});
