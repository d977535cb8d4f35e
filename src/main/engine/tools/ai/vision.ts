// Objects and faces, found by @vladmandic/human (MIT) on TensorFlow.js's WebAssembly
// backend, on the CPU, with the weights its package ships:
// - objects: CenterNet over the 80 COCO classes ('cup', 'bottle', 'person', 'handbag'…);
// - faces: BlazeFace finds them, FaceMesh aligns them, FaceRes describes each with a
//   1024-number descriptor (the same person gives near descriptors: face groups).
// Loading takes a fraction of a second and about 300 MB; one image takes 0.3–0.7 s on one
// core. Callers run it away from the engine's thread (run-ai-worker.ts).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Config, Human, Result } from '@vladmandic/human';
import { humanModelsDir, humanWasmEntry, tfjsWasmDir } from './model-files';
import { routeFileUrlsToDisk, type TfIo } from './tfjs-file-loader';

/** Pixels as sharp gives them: 3 channels, row after row. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DetectedObject extends Box {
  label: string;
  confidence: number;
}

export interface DetectedFace extends Box {
  confidence: number;
  descriptor: Float32Array;
}

export interface VisionResult {
  objects: DetectedObject[];
  faces: DetectedFace[];
}

export interface Vision {
  /** Runs only the detectors asked for (both were loaded): a run of one task pays for one. */
  detect(image: RgbImage, tasks?: { objects: boolean; faces: boolean }): Promise<VisionResult>;
}

export { OBJECTS_MODEL, FACES_MODEL } from './model-names';

/** Detections below these are noise on product photos (measured on the Debian photos). */
const OBJECT_FLOOR = 0.2;
const FACE_FLOOR = 0.5;

function config(objects: boolean, faces: boolean): Partial<Config> {
  const off = { enabled: false };
  return {
    backend: 'wasm',
    modelBasePath: `${pathToFileURL(humanModelsDir()).href}/`,
    wasmPath: `${tfjsWasmDir()}/`,
    debug: false,
    async: true,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { ...off, equalization: false },
    face: {
      enabled: faces,
      detector: { rotation: false, maxDetected: 30, minConfidence: FACE_FLOOR, return: false },
      mesh: { enabled: faces },
      iris: off,
      description: { enabled: faces },
      emotion: off,
      antispoof: off,
      liveness: off,
      attention: off,
      gear: off,
    },
    body: off,
    hand: off,
    gesture: off,
    segmentation: off,
    object: { enabled: objects, minConfidence: OBJECT_FLOOR, maxDetected: 30 },
  };
}

const clamp = (v: number): number => Math.min(1, Math.max(0, v));
function box([x = 0, y = 0, w = 0, h = 0]: readonly number[]): Box {
  const left = clamp(x);
  const top = clamp(y);
  return { x: left, y: top, w: clamp(x + w) - left, h: clamp(y + h) - top };
}

function results(r: Result): VisionResult {
  return {
    objects: r.object.map((o) => ({ ...box(o.boxRaw), label: o.label, confidence: o.score })),
    faces: r.face
      .filter((f) => f.embedding && f.embedding.length > 0 && f.score >= FACE_FLOOR)
      .map((f) => ({
        ...box(f.boxRaw),
        confidence: f.score,
        descriptor: Float32Array.from(f.embedding ?? []),
      })),
  };
}

interface TfParts {
  io: TfIo;
  tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): object;
  dispose(tensor: object): void;
}

/** Loads the detectors asked for, once per process. */
export async function loadVision(tasks: { objects: boolean; faces: boolean }): Promise<Vision> {
  const require = createRequire(import.meta.url);
  const { Human: HumanClass } = require(humanWasmEntry()) as {
    Human: new (config: Partial<Config>) => Human;
  };
  const human = new HumanClass(config(tasks.objects, tasks.faces));
  // Human types its TensorFlow.js instance as any; these are the parts used here.
  const tf = human.tf as TfParts;
  routeFileUrlsToDisk(tf.io);
  await human.load();
  return {
    async detect(image, only = tasks) {
      const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
      const these = {
        face: { enabled: only.faces && tasks.faces },
        object: { enabled: only.objects && tasks.objects },
      } as Partial<Config>;
      try {
        return results(await human.detect(pixels as Parameters<Human['detect']>[0], these));
      } finally {
        tf.dispose(pixels);
      }
    },
  };
}
