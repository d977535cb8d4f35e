import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { analyseGltf } from './analyse-gltf';
import { analyseFbx, analyseStl, analyseUsdz } from './catalogued-models';
import type { ModelAnalysis } from './model-analysis';
import { analyseObj } from './obj-facts';

/** One 3D model's facts, verdict and render, by its extension. */
export async function analyseModel(path: string): Promise<ModelAnalysis> {
  const ext = extname(path).slice(1).toLowerCase();
  const bytes = (await stat(path)).size;
  switch (ext) {
    case 'glb':
    case 'gltf':
      return analyseGltf(path);
    case 'obj':
      return analyseObj(path, bytes);
    case 'stl':
      return analyseStl(path, bytes);
    case 'usdz':
      return analyseUsdz(path, bytes);
    case 'fbx':
      return analyseFbx(path, bytes);
    default:
      return { format: ext || 'model', facts: null, error: null, notice: null, pixels: null };
  }
}
