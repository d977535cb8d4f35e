import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { GLTF } from '@gltf-transform/core';
import { createModelIO, externalUris, readModel } from './read-model';

// The loupe's viewer gets one self-contained GLB without compression: a .gltf's external
// buffers and textures packed in (read by the checked reader, so only from the model's own
// folder), and Draco or meshopt geometry decoded here, so the page needs no decoder wasm,
// workers or CDN (its CSP allows none).

const COMPRESSED = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression'];
/** A GLB's JSON chunk past this is not looked into here: it is packed to be safe. */
const JSON_LOOK_CAP = 64 * 1024 * 1024;

/**
 * Whether the viewer can load this file as it is: a GLB without compressed geometry that
 * names no file beside it (the viewer is served one file; it would ask for the rest in vain).
 */
export async function viewableAsIs(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.glb') return false;
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(20);
    await file.read(head, 0, 20, 0);
    const jsonLength = head.readUInt32LE(12);
    if (head.readUInt32LE(0) !== 0x46546c67 || jsonLength > JSON_LOOK_CAP) return false;
    const chunk = Buffer.alloc(jsonLength);
    await file.read(chunk, 0, jsonLength, 20);
    const json = JSON.parse(chunk.toString('utf8')) as GLTF.IGLTF & { extensionsUsed?: unknown };
    if (externalUris(json).length > 0) return false;
    const used = Array.isArray(json.extensionsUsed) ? (json.extensionsUsed as unknown[]) : [];
    return !used.some((name) => typeof name === 'string' && COMPRESSED.includes(name));
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

/** The model as one GLB with plain geometry, for the viewer. */
export async function packForViewer(path: string): Promise<Uint8Array> {
  const model = await readModel(path);
  for (const extension of model.document.getRoot().listExtensionsUsed()) {
    if (COMPRESSED.includes(extension.extensionName)) extension.dispose();
  }
  // A GLB holds one buffer: a .gltf's several are joined.
  // Loaded here, not when the engine starts (~140 ms of CPU).
  const { unpartition } = await import('@gltf-transform/functions');
  await model.document.transform(unpartition());
  const io = await createModelIO();
  return io.writeBinary(model.document);
}
