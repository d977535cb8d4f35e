// The AI process's entry (a build input of its own, out/main/ai-worker.js), forked by
// run-ai-worker.ts: lowers its own priority to the lowest before anything loads a model,
// then analyses one image per message with analyseImage() and answers over IPC (advanced
// serialisation: face descriptors and embeddings travel as Float32Arrays).
import { lowestPriority } from './lowest-priority';
import type { AnalyseRequest, ImageAnalysis } from './analyse-image';

export interface AiRequestMessage {
  id: number;
  request: AnalyseRequest;
}

export type AiAnswerMessage = { id: number; result: ImageAnalysis } | { id: number; error: string };

lowestPriority();

const send = (message: AiAnswerMessage): void => {
  process.send?.(message);
};

async function serve(): Promise<void> {
  // Loaded only now: nothing of the models (or sharp's threads) starts before the priority.
  const { setSharpThreads } = await import('../sharp/sharp-lib');
  // One image at a time, on one libvips thread: this process is background work.
  setSharpThreads(1);
  const { analyseImage, closeModels } = await import('./analyse-image');
  process.on('message', (message: AiRequestMessage) => {
    analyseImage(message.request).then(
      (result) => {
        lowestPriority(); // threads the models started (tesseract's, the WASM backend's)
        send({ id: message.id, result });
      },
      (error: unknown) =>
        send({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The engine went away (closed or died): end with it.
  process.on('disconnect', () => {
    void closeModels().finally(() => process.exit(0));
  });
}

void serve();
