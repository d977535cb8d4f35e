import { realpath, stat, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Document, GLTF, JSONDocument } from '@gltf-transform/core';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { ModelReadError } from './model-read-error';
import { splitGlb } from './split-glb';

// Reads a glTF or GLB with every external file it names checked first: a glTF is data from
// anyone, and its `uri` values are paths. gltf-transform's own NodeIO.read would resolve
// `../../etc/passwd` or `/home/x/.ssh/id_rsa` as a buffer, so this module reads every
// external file itself, only inside the model's own folder (subfolders allowed, symlinks
// resolved), and hands gltf-transform the bytes.

export { ModelReadError };

export interface ModelFile {
  container: 'glb' | 'gltf';
  /** The file's own bytes. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The JSON and every resource (the GLB's BIN chunk, external files) by the uri that names it. */
  json: JSONDocument;
  /** Bytes of the external files read beside it. */
  externalBytes: number;
}

export interface ReadModelOptions {
  /** The model and all its external files together; more is refused. */
  maxBytes?: number;
  /** The file's bytes as already read (and hashed, by export): not read a second time. */
  bytes?: Uint8Array;
}

const requireCjs = createRequire(import.meta.url);
const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The file a glTF `uri` names, or a ModelReadError when it may not be read: a scheme
 * (http:, file:, C:), an absolute path, a `..` out of the model's folder, malformed escapes.
 * `data:` URIs are not files (gltf-transform decodes them) and never reach here.
 */
export function resolveModelUri(folder: string, uri: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    throw new ModelReadError(`the model names a file with a malformed uri: ${uri.slice(0, 80)}`);
  }
  if (SCHEME.test(decoded) || isAbsolute(decoded) || decoded.startsWith('\\')) {
    throw new ModelReadError(`the model names a file outside its folder: ${uri.slice(0, 80)}`);
  }
  if (decoded.includes('\0')) throw new ModelReadError('the model names a file with a NUL byte');
  const target = resolve(folder, decoded);
  if (!inside(folder, target)) {
    throw new ModelReadError(`the model names a file outside its folder: ${uri.slice(0, 80)}`);
  }
  return target;
}

function inside(folder: string, target: string): boolean {
  const rel = relative(folder, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The uris of a glTF's buffers and images that are files (not data:, not a buffer view). */
export function externalUris(json: JSONDocument['json']): string[] {
  const uris = new Set<string>();
  for (const item of [...(json.buffers ?? []), ...(json.images ?? [])]) {
    const uri = (item as { uri?: unknown }).uri;
    if (typeof uri === 'string' && !uri.startsWith('data:')) uris.add(uri);
  }
  return [...uris];
}

/** Reads one external file named by `uri`, inside `folder` only (a symlink out is refused). */
export async function readModelResource(
  folder: string,
  uri: string,
  budget: { left: number },
): Promise<Uint8Array<ArrayBuffer>> {
  const target = resolveModelUri(folder, uri);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new ModelReadError(`the model's file ${uri.slice(0, 80)} is missing`);
  }
  if (!inside(await realpath(folder), real)) {
    throw new ModelReadError(`the model names a file outside its folder: ${uri.slice(0, 80)}`);
  }
  const info = await stat(real);
  if (!info.isFile()) throw new ModelReadError(`the model's ${uri.slice(0, 80)} is not a file`);
  if (info.size > budget.left) throw new ModelReadError('the model and its files are too large');
  budget.left -= info.size;
  return new Uint8Array(await readFile(real));
}

/** The model's JSON and resources, every external file checked and read here. */
export async function readModelFile(
  path: string,
  options: ReadModelOptions = {},
): Promise<ModelFile> {
  const budget = { left: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const size = options.bytes?.byteLength ?? (await stat(path)).size;
  if (size > budget.left) throw new ModelReadError('the model is too large to read');
  budget.left -= size;
  // A copy: gltf-transform views the GLB through Uint32Arrays, which need an aligned offset.
  const bytes = new Uint8Array(options.bytes ?? (await readFile(path)));
  const isGlb = bytes.length >= 4 && bytes[0] === 0x67 && bytes[1] === 0x6c && bytes[2] === 0x54;
  let json: JSONDocument;
  if (isGlb) {
    const glb = splitGlb(bytes);
    json = { json: glb.json, resources: glb.bin ? { '@glb.bin': glb.bin } : {} };
  } else {
    try {
      json = { json: JSON.parse(new TextDecoder().decode(bytes)) as GLTF.IGLTF, resources: {} };
    } catch (error) {
      throw new ModelReadError(`the glTF's JSON does not parse: ${(error as Error).message}`);
    }
    if (typeof json.json !== 'object' || json.json === null || Array.isArray(json.json)) {
      throw new ModelReadError("the glTF's JSON is not an object");
    }
  }
  const folder = dirname(resolve(path));
  let externalBytes = 0;
  for (const uri of externalUris(json.json)) {
    const data = await readModelResource(folder, uri, budget);
    json.resources[uri] = data;
    externalBytes += data.byteLength;
  }
  return { container: isGlb ? 'glb' : 'gltf', bytes, json, externalBytes };
}

let decoders: Promise<Record<string, unknown>> | null = null;
let dracoDecoder: Promise<unknown> | null = null;

/** NodeIO with every extension gltf-transform knows and the meshopt decoder registered. */
export async function createModelIO(options: { draco?: boolean } = {}): Promise<NodeIO> {
  decoders ??= import('meshoptimizer/decoder').then(async ({ MeshoptDecoder }) => {
    await MeshoptDecoder.ready;
    return { 'meshopt.decoder': MeshoptDecoder };
  });
  const deps: Record<string, unknown> = { ...(await decoders) };
  if (options.draco) {
    // Draco's wasm costs ~100 ms to start: only models that use it pay for it.
    const draco = requireCjs('draco3dgltf') as { createDecoderModule: () => Promise<unknown> };
    dracoDecoder ??= draco.createDecoderModule();
    deps['draco3d.decoder'] = await dracoDecoder;
  }
  return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies(deps);
}

export interface ReadModel extends ModelFile {
  document: Document;
}

/**
 * A glTF or GLB as a gltf-transform Document, external buffers and textures read only from
 * the model's own folder. Throws ModelReadError when the file or what it names cannot be
 * read; gltf-transform's own errors (a buffer view past its buffer, …) pass through.
 */
export async function readModel(path: string, options: ReadModelOptions = {}): Promise<ReadModel> {
  const file = await readModelFile(path, options);
  const used = file.json.json.extensionsUsed ?? [];
  const io = await createModelIO({ draco: used.includes('KHR_draco_mesh_compression') });
  const document = await io.readJSON(file.json);
  return { ...file, document };
}
