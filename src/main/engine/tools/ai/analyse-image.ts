// One image through the models asked for: the one function the AI process runs for each
// asset (run-ai-worker.ts sends it there; tests call it here). Each model is loaded on first
// use and kept for the process's life. A task that fails (an unreadable file, a model
// error) is reported for that task alone; the others still answer.
import type { AiTask } from '../../../../shared/ai-dto';
import { ocrInput, visionInput } from './ai-input';
import { clipModelId, loadClip, type ClipModel } from './clip';
import { loadOcr, type Ocr, type ReadText } from './ocr';
import { loadVision, type DetectedFace, type DetectedObject, type Vision } from './vision';

export interface AnalyseRequest {
  /** A file sharp reads: the original, or its preview for RAW and video. */
  source: string;
  tasks: AiTask[];
  /** The folder of the user's CLIP model (for 'embedding'). */
  clipDir?: string;
}

export interface ImageAnalysis {
  objects?: DetectedObject[];
  faces?: DetectedFace[];
  text?: ReadText;
  embedding?: { model: string; vector: Float32Array };
  /** Per task: why it gave nothing. */
  errors: Partial<Record<AiTask, string>>;
}

let vision: Promise<Vision> | undefined;
let ocr: Promise<Ocr> | undefined;
const clips = new Map<string, Promise<ClipModel>>();

// Objects and faces come from one Human instance, loaded with both detectors: one pass
// of one model set is cheaper than two instances, and a run usually asks for both.
const visionModels = (): Promise<Vision> =>
  (vision ??= loadVision({ objects: true, faces: true }).catch((error: unknown) => {
    vision = undefined;
    throw error;
  }));
const ocrModel = (): Promise<Ocr> =>
  (ocr ??= loadOcr().catch((error: unknown) => {
    ocr = undefined;
    throw error;
  }));
/** Keyed by the folder and its files' id: a model replaced in place is loaded anew. */
function clipModel(dir: string): Promise<ClipModel> {
  const key = `${dir}\0${clipModelId(dir) ?? ''}`;
  let model = clips.get(key);
  if (!model) {
    for (const old of clips.keys()) if (old.startsWith(`${dir}\0`)) clips.delete(old);
    model = loadClip(dir);
    model.catch(() => clips.delete(key));
    clips.set(key, model);
  }
  return model;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export async function analyseImage(request: AnalyseRequest): Promise<ImageAnalysis> {
  const out: ImageAnalysis = { errors: {} };
  const wants = new Set(request.tasks);
  const fail = (task: AiTask, error: unknown): void => {
    out.errors[task] = message(error);
  };
  if (wants.has('objects') || wants.has('faces') || wants.has('embedding')) {
    try {
      const pixels = await visionInput(request.source);
      if (wants.has('objects') || wants.has('faces')) {
        try {
          const found = await (
            await visionModels()
          ).detect(pixels, { objects: wants.has('objects'), faces: wants.has('faces') });
          if (wants.has('objects')) out.objects = found.objects;
          if (wants.has('faces')) out.faces = found.faces;
        } catch (error) {
          if (wants.has('objects')) fail('objects', error);
          if (wants.has('faces')) fail('faces', error);
        }
      }
      if (wants.has('embedding')) {
        try {
          if (!request.clipDir) throw new Error('no CLIP model folder');
          const model = await clipModel(request.clipDir);
          out.embedding = { model: model.id, vector: await model.embedImage(pixels) };
        } catch (error) {
          fail('embedding', error);
        }
      }
    } catch (error) {
      for (const task of ['objects', 'faces', 'embedding'] as const)
        if (wants.has(task)) fail(task, error);
    }
  }
  if (wants.has('text')) {
    try {
      const input = await ocrInput(request.source);
      out.text = await (await ocrModel()).read(input.png, input);
    } catch (error) {
      fail('text', error);
    }
  }
  return out;
}

/** Ends the models' workers (tesseract runs its own thread), for a clean exit. */
export async function closeModels(): Promise<void> {
  const loaded = ocr;
  ocr = undefined;
  vision = undefined;
  clips.clear();
  if (loaded) await (await loaded).close();
}
