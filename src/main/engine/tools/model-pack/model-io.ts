// One glTF reader/writer for export: every extension gltf-transform knows, Draco and meshopt
// decoders (a source may be compressed), and the encoders loaded only when a pack needs them
// (Draco's encoder is a few MB of WebAssembly). meshoptimizer too is loaded on first use,
// not when the engine starts: its WebAssembly cost every command ~100 ms of CPU.
import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import draco3d from 'draco3dgltf';
import type { MeshoptSimplifier } from 'meshoptimizer';
import { readModelFile } from '../gltf/read-model';

let io: Promise<NodeIO> | null = null;
let dracoEncoder: Promise<unknown> | null = null;

export function modelIO(): Promise<NodeIO> {
  io ??= (async () => {
    const { MeshoptDecoder } = await import('meshoptimizer');
    await MeshoptDecoder.ready;
    return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      'draco3d.decoder': await draco3d.createDecoderModule(),
      'meshopt.decoder': MeshoptDecoder,
    });
  })();
  return io;
}

/** The IO with the encoder a compression needs registered. */
export async function encodingIO(compression: 'draco' | 'meshopt'): Promise<NodeIO> {
  const base = await modelIO();
  if (compression === 'draco') {
    dracoEncoder ??= draco3d.createEncoderModule();
    return base.registerDependencies({ 'draco3d.encoder': await dracoEncoder });
  }
  const { MeshoptEncoder } = await import('meshoptimizer');
  await MeshoptEncoder.ready;
  return base.registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
}

export async function simplifier(): Promise<typeof MeshoptSimplifier> {
  const { MeshoptSimplifier: simplifier } = await import('meshoptimizer');
  await simplifier.ready;
  return simplifier;
}

/**
 * A model from the bytes export read (and hashed), its external files read by the index's
 * checked reader: only from the model's folder or below it, symlinks resolved, so a path
 * or a link that leads elsewhere is refused, not packed.
 */
export async function readModel(path: string, bytes: Uint8Array): Promise<Document> {
  try {
    if (isGlb(bytes)) checkGlbLength(bytes);
    const file = await readModelFile(path, { bytes });
    return await (await modelIO()).readJSON(file.json);
  } catch (error) {
    // gltf-transform's own words for a malformed file are often a TypeError's: say what it is.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`not a readable glTF model: ${message}`, { cause: error });
  }
}

/** gltf-transform reads a GLB cut short without a word (a texture half there): refuse it. */
function checkGlbLength(bytes: Uint8Array): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.readUInt32LE(8);
  if (declared !== bytes.length)
    throw new Error(
      `the GLB is cut short or padded: its header says ${declared} bytes, the file has ${bytes.length}`,
    );
  for (let at = 12; at < bytes.length;) {
    if (at + 8 > bytes.length) throw new Error('the GLB ends inside a chunk header');
    at += 8 + view.readUInt32LE(at);
    if (at > bytes.length) throw new Error('the GLB ends inside a chunk');
  }
}

export function isGlb(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'glTF';
}
