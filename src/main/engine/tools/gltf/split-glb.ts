import type { GLTF } from '@gltf-transform/core';
import { ModelReadError } from './model-read-error';

/** A GLB's JSON and BIN chunks, every length checked against the bytes there are. */
export interface GlbChunks {
  json: GLTF.IGLTF;
  bin: Uint8Array<ArrayBuffer> | null;
  /** The length the header declares; more than the file has means it was cut. */
  declaredLength: number;
}

const JSON_CHUNK = 0x4e4f534a;
const BIN_CHUNK = 0x004e4942;

/**
 * Splits a GLB (glTF 2.0 binary) into its chunks. A GLB whose header or chunks promise more
 * bytes than the file has was cut short (a partial download or copy): that is named, rather
 * than left for a reader to walk past the end.
 */
export function splitGlb(bytes: Uint8Array<ArrayBuffer>): GlbChunks {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) {
    throw new ModelReadError('not a GLB (no glTF binary header)');
  }
  const version = view.getUint32(4, true);
  if (version !== 2) throw new ModelReadError(`GLB version ${version} (only 2 is read)`);
  const declaredLength = view.getUint32(8, true);
  if (declaredLength > bytes.byteLength) {
    throw new ModelReadError(
      `the GLB is cut: its header says ${declaredLength} bytes, the file has ${bytes.byteLength}`,
    );
  }
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== JSON_CHUNK)
    throw new ModelReadError('the GLB has no JSON chunk');
  if (20 + jsonLength > bytes.byteLength)
    throw new ModelReadError('the GLB is cut inside its JSON');
  let json: GLTF.IGLTF;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as GLTF.IGLTF;
  } catch (error) {
    throw new ModelReadError(`the GLB's JSON does not parse: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ModelReadError("the GLB's JSON is not an object");
  }
  const binAt = 20 + jsonLength;
  if (binAt + 8 > bytes.byteLength) return { json, bin: null, declaredLength };
  const binLength = view.getUint32(binAt, true);
  if (view.getUint32(binAt + 4, true) !== BIN_CHUNK) return { json, bin: null, declaredLength };
  if (binAt + 8 + binLength > bytes.byteLength) {
    throw new ModelReadError(
      `the GLB is cut: its buffer chunk says ${binLength} bytes, ${bytes.byteLength - binAt - 8} are there`,
    );
  }
  return { json, bin: bytes.slice(binAt + 8, binAt + 8 + binLength), declaredLength };
}
