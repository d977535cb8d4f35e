// FOUNDATION PLACEHOLDER (H5, semantic search, fills it in): a CLIP-style image and text
// encoder the user brings (ONNX files in <data>/models/clip/), run with onnxruntime-node on
// the CPU. Both encoders give L2-normalised vectors of one length.
import type { RgbImage } from './vision';

export interface ClipModel {
  /** Names the model (ai_runs.model, ai_embeddings.model): its files' sizes and times. */
  readonly id: string;
  embedImage(image: RgbImage): Promise<Float32Array>;
  embedText(text: string): Promise<Float32Array>;
}

export interface ClipFiles {
  available: boolean;
  /** Why not, for the user: which file is missing. */
  reason: string | null;
}

/** Whether `dir` holds a usable model (cheap: looks at files only). */
export function findClip(dir: string): ClipFiles {
  return { available: false, reason: `semantic search is not built yet (${dir})` };
}

export function loadClip(dir: string): Promise<ClipModel> {
  return Promise.reject(new Error(`semantic search is not built yet (${dir})`));
}
