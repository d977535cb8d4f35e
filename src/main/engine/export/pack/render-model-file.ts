// A model's files in a pack: packed once per source and rules (the GLB and its USDZ come
// from one run of the pipeline), then each file's bytes and the rules checked on them. The
// pipeline is synchronous JS and WebAssembly that can run for minutes: it runs in a model
// worker thread, stopped at its time limit or when the export is cancelled.
import type { CheckResult, ModelRules } from '../../../../shared/export-dto';
import type { PackedModel } from '../../tools/model-pack/pack-model';
import { exportModelInWorker } from '../../tools/gltf/run-model-worker';
import { rulesKey, type PlannedModel } from './plan-model';

/** A model source read once for its group: its packs, made on first use per set of rules. */
export interface ModelSource {
  path: string;
  bytes: Buffer;
  packs: Map<string, Promise<PackedModel>>;
}

export interface RenderedModel {
  data: Buffer;
  triangles: number;
  /** The written file against the rules: what the optimising could not reach. */
  found: CheckResult[];
  /** Goals missed that are not rules (the size target): warnings in the manifest. */
  notes: string[];
}

export function modelSource(path: string, bytes: Buffer): ModelSource {
  return { path, bytes, packs: new Map() };
}

export async function renderModelFile(
  source: ModelSource,
  model: PlannedModel,
  signal?: AbortSignal,
): Promise<RenderedModel> {
  const key = rulesKey(model.rules);
  let pack = source.packs.get(key);
  if (!pack) {
    pack = exportModelInWorker(source.path, source.bytes, model.rules, signal);
    source.packs.set(key, pack);
  }
  const packed = await pack;
  const file = model.format === 'glb' ? packed.glb : packed.usdz;
  if (!file) throw new Error(`no ${model.format.toUpperCase()} was made`);
  return {
    ...file,
    found: modelOutputChecks(model.rules, file.data.length, file.triangles),
    // The size target is a goal for the GLB, not a rule: missing it is a warning.
    notes: model.format === 'glb' ? packed.missed.map((m) => `size target: ${m}`) : [],
  };
}

function modelOutputChecks(rules: ModelRules, bytes: number, triangles: number): CheckResult[] {
  const found: CheckResult[] = [];
  if (rules.maxBytes !== null && bytes > rules.maxBytes)
    found.push({
      check: 'file-size',
      level: 'fail',
      reason: `${bytes} bytes is over the limit of ${rules.maxBytes}`,
    });
  if (rules.maxTriangles !== null && triangles > rules.maxTriangles)
    found.push({
      check: 'triangles',
      level: 'fail',
      reason: `${triangles} triangles is over the budget of ${rules.maxTriangles}`,
    });
  return found;
}
