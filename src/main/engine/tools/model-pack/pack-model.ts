// A model as a channel takes it: the GLB copied when it already meets the rules; otherwise
// deduplicated, pruned, its textures resized to the cap, simplified to the triangle budget,
// and compressed (Draco or meshopt) only when over the size target, then textures halved
// until it fits or 256 px is reached. The USDZ is made from the uncompressed document.
// Loaded when a model is packed, not when the engine starts (~140 ms of CPU).
const gltfFunctions = () => import('@gltf-transform/functions');
import type { Document } from '@gltf-transform/core';
import type { ModelRules } from '../../../../shared/export-dto';
import { encodingIO, isGlb, modelIO, readModel, simplifier } from './model-io';
import { isPowerOfTwo, modelStats, type ModelStats } from './model-stats';
import { fitTextures } from './model-textures';
import { makeUsdz } from './make-usdz';

export interface PackedFile {
  data: Buffer;
  triangles: number;
}

export interface PackedModel {
  glb: PackedFile;
  /** Null when the rules do not ask for one. */
  usdz: PackedFile | null;
  /** The source's stats, and what was done to it ('textures resized to 1024 px', …). */
  source: ModelStats;
  steps: string[];
  /** The size target, when optimising could not reach it (the limits are checked on landing). */
  missed: string[];
}

const MIN_TEXTURE = 256;
const COMPRESSION_EXTENSIONS = new Set(['KHR_draco_mesh_compression', 'EXT_meshopt_compression']);

export async function packModel(
  path: string,
  bytes: Uint8Array,
  rules: ModelRules,
): Promise<PackedModel> {
  const doc = await readModel(path, bytes);
  const source = modelStats(doc);
  if (source.triangles === 0) throw new Error('the model has no triangles to show');
  const target = rules.targetBytes ?? rules.maxBytes;
  const steps: string[] = [];
  const missed: string[] = [];
  let glb: PackedFile;
  if (isGlb(bytes) && meetsRules(source, bytes.length, rules, target)) {
    glb = { data: Buffer.from(bytes), triangles: source.triangles };
  } else {
    // Written plain unless compression is needed below.
    for (const ext of doc.getRoot().listExtensionsUsed())
      if (COMPRESSION_EXTENSIONS.has(ext.extensionName)) ext.dispose();
    // A GLB holds one buffer: a .gltf's several are joined.
    const { dedup, prune, unpartition } = await gltfFunctions();
    await doc.transform(dedup(), prune(), unpartition());
    if (!isGlb(bytes)) steps.push('packed as GLB');
    if ((await fitTextures(doc, rules.maxTextureSize, rules.texturePowerOfTwo)) > 0)
      steps.push(`textures resized to at most ${rules.maxTextureSize ?? 'a power of two'} px`);
    if (rules.maxTriangles !== null && source.triangles > rules.maxTriangles)
      steps.push(await simplifyTo(doc, rules.maxTriangles));
    glb = await fitGlb(doc, rules, target, steps, missed);
  }
  const usdz = rules.formats.includes('usdz') ? await makeUsdz(doc) : null;
  // Each file's limit is checked on its own bytes where it lands (render-model-file.ts).
  return { glb, usdz, source, steps, missed };
}

function meetsRules(
  s: ModelStats,
  bytes: number,
  rules: ModelRules,
  target: number | null,
): boolean {
  return (
    (target === null || bytes <= target) &&
    (rules.maxTriangles === null || s.triangles <= rules.maxTriangles) &&
    s.textures.every(
      (t) =>
        (rules.maxTextureSize === null || Math.max(t.width, t.height) <= rules.maxTextureSize) &&
        (!rules.texturePowerOfTwo || (isPowerOfTwo(t.width) && isPowerOfTwo(t.height))),
    )
  );
}

async function simplifyTo(doc: Document, max: number): Promise<string> {
  const before = modelStats(doc).triangles;
  const { simplify, weld } = await gltfFunctions();
  await doc.transform(weld());
  const simplifierModule = await simplifier();
  // A tight error bound first; looser ones only while the budget is still not met.
  for (const error of [0.001, 0.01, 0.05, 0.2, 1]) {
    const now = modelStats(doc).triangles;
    if (now <= max) break;
    await doc.transform(
      simplify({ simplifier: simplifierModule, ratio: (max / now) * 0.98, error }),
    );
  }
  const after = modelStats(doc).triangles;
  return `simplified from ${before} to ${after} triangles`;
}

/** The GLB at or under the target: plain, then compressed, then with textures halved. */
async function fitGlb(
  doc: Document,
  rules: ModelRules,
  target: number | null,
  steps: string[],
  missed: string[],
): Promise<PackedFile> {
  const triangles = modelStats(doc).triangles;
  let data: Buffer = Buffer.from(await (await modelIO()).writeBinary(doc));
  if (target === null || data.length <= target) return { data, triangles };
  if (rules.compression !== 'none') {
    data = await compressed(doc, rules.compression);
    steps.push(`${rules.compression} compression`);
  }
  let cap = Math.max(0, ...modelStats(doc).textures.map((t) => Math.max(t.width, t.height)));
  while (data.length > target && cap > MIN_TEXTURE) {
    cap = Math.max(MIN_TEXTURE, Math.floor(cap / 2));
    await fitTextures(doc, cap, rules.texturePowerOfTwo);
    steps.push(`textures reduced to ${cap} px for the size target`);
    data =
      rules.compression === 'none'
        ? Buffer.from(await (await modelIO()).writeBinary(doc))
        : await compressed(doc, rules.compression);
  }
  if (data.length > target)
    missed.push(`${mb(data.length)} after optimising; the size target is ${mb(target)}`);
  return { data, triangles };
}

async function compressed(doc: Document, how: 'draco' | 'meshopt'): Promise<Buffer> {
  const { cloneDocument, draco, meshopt } = await gltfFunctions();
  const { MeshoptEncoder } = await import('meshoptimizer');
  const copy = cloneDocument(doc);
  await copy.transform(how === 'draco' ? draco() : meshopt({ encoder: MeshoptEncoder }));
  return Buffer.from(await (await encodingIO(how)).writeBinary(copy));
}

function mb(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
