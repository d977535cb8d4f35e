import { analyseModel } from './analyse-model';
import { packForViewer } from './pack-for-viewer';

/** What a model worker is asked: read a model (facts, verdict, render) or pack it as a GLB. */
export type ModelJob = { op: 'analyse'; path: string } | { op: 'pack'; path: string };

/** The same job on this thread: where no worker is built (run from the sources). */
export function runModelJobHere(job: ModelJob): Promise<unknown> {
  return job.op === 'pack' ? packForViewer(job.path) : analyseModel(job.path);
}
