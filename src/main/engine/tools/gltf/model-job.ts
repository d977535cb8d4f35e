import type { ModelRules } from '../../../../shared/export-dto';
import { packModel, type PackedModel } from '../model-pack/pack-model';
import { analyseModel } from './analyse-model';
import { packForViewer } from './pack-for-viewer';

/**
 * What a model worker is asked: read a model (facts, verdict, render), pack it as a GLB for
 * the viewer, or pack it for export to a channel's rules from the bytes export hashed.
 */
export type ModelJob =
  | { op: 'analyse'; path: string }
  | { op: 'pack'; path: string }
  | { op: 'export'; path: string; bytes: Uint8Array; rules: ModelRules };

/** The same job on this thread: where no worker is built (run from the sources). */
export function runModelJobHere(job: ModelJob): Promise<unknown> {
  if (job.op === 'export') return packModel(job.path, job.bytes, job.rules);
  return job.op === 'pack' ? packForViewer(job.path) : analyseModel(job.path);
}

/**
 * An export's pack as the worker posts it: each file in a buffer of its own, moved rather
 * than copied (a Buffer may be a view of Node's shared pool, which cannot be moved).
 */
export function postedPack(packed: PackedModel): { result: PackedModel; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const own = <T extends { data: Buffer }>(file: T): T => {
    const data = new Uint8Array(file.data);
    transfer.push(data.buffer);
    return { ...file, data: data as Buffer };
  };
  const result = { ...packed, glb: own(packed.glb), usdz: packed.usdz && own(packed.usdz) };
  return { result, transfer };
}
