import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { emptyFacts } from '../../../../shared/media-facts';
import type { ModelAnalysis } from './model-analysis';

/** An OBJ is read line by line up to this many bytes; a bigger one gets partial counts. */
export const OBJ_READ_CAP = 256 * 1024 * 1024;

/**
 * Wavefront OBJ facts from one streaming pass: vertices (`v`), faces (`f`), triangles once
 * each face is fanned (n corners → n − 2), objects/groups, materials named by `usemtl`, and
 * bounds from the vertices. OBJ has no unit, so no size in metres; no thumbnail is drawn.
 */
export async function analyseObj(path: string, bytes: number): Promise<ModelAnalysis> {
  const stream = createReadStream(path, { encoding: 'utf8', end: OBJ_READ_CAP - 1 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let vertices = 0;
  let faces = 0;
  let triangles = 0;
  let objects = 0;
  const materials = new Set<string>();
  const libraries = new Set<string>();
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for await (const raw of lines) {
    const line = raw.trimStart();
    if (line.startsWith('v ')) {
      vertices++;
      const parts = line.split(/\s+/);
      for (let a = 0; a < 3; a++) {
        const v = Number(parts[a + 1]);
        if (!Number.isFinite(v)) continue;
        if (v < (min[a] as number)) min[a] = v;
        if (v > (max[a] as number)) max[a] = v;
      }
    } else if (line.startsWith('f ')) {
      faces++;
      const corners = line.split(/\s+/).length - 1;
      triangles += Math.max(0, corners - 2);
    } else if (line.startsWith('o ') || line.startsWith('g ')) objects++;
    else if (line.startsWith('usemtl ')) materials.add(line.slice(7).trim());
    else if (line.startsWith('mtllib ')) libraries.add(line.slice(7).trim());
  }
  const facts = emptyFacts();
  facts.meshes = objects > 0 ? objects : faces > 0 ? 1 : 0;
  facts.triangles = triangles;
  facts.materials = materials.size;
  const bounded = Number.isFinite(min[0]) && Number.isFinite(max[0]);
  facts.detail = {
    container: 'obj',
    fileBytes: bytes,
    vertices,
    faces,
    materialLibraries: [...libraries].slice(0, 10),
    bounds: bounded ? { min, max } : null,
    sizeModelUnits: bounded ? max.map((v, i) => v - (min[i] as number)) : null,
    partial: bytes > OBJ_READ_CAP,
  };
  const notices = ['OBJ: facts only, no thumbnail'];
  if (bytes > OBJ_READ_CAP) notices.push(`counted the first ${OBJ_READ_CAP / 1024 / 1024} MiB`);
  return { format: 'obj', facts, error: null, notice: notices.join('; '), pixels: null };
}
