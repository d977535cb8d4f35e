// The offline AI's methods: what the models found in an asset, the `ai` job (run, wait,
// pause, resume), the threshold, and accepting or rejecting suggested tags.
import type { AiModelInfo, AiStatus, AssetAi } from '../../../shared/ai-dto';
import { PackshotError } from '../../../shared/errors';
import type { AiParts } from '../ai/ai-parts';
import { AI_JOB, scopeOf, type AiJobResult } from '../ai/ai-job';
import { writeTransaction } from '../db/write-transaction';
import { readAssetAi } from '../repositories/ai-asset-read';
import { aiPaused, aiThreshold, setAiPaused, setAiThreshold } from '../repositories/ai-settings';
import { findClip } from '../tools/ai/clip-files';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';

type Names = NamespaceMethods<'analyses'> | NamespaceMethods<'suggestions'>;

const MODELS: Omit<AiModelInfo, 'available' | 'reason'>[] = [
  { task: 'objects', name: 'CenterNet (COCO, 80 classes) in Human 3.3', licence: 'MIT' },
  { task: 'faces', name: 'BlazeFace + FaceRes in Human 3.3', licence: 'MIT' },
  { task: 'text', name: 'Tesseract 5 LSTM, English (tesseract.js 7)', licence: 'Apache-2.0' },
  { task: 'embedding', name: 'Your CLIP model (ONNX)', licence: 'the model’s own' },
];

export function analysisHandlers(ctx: EngineContext, ai: AiParts): HandlerGroup<Names> {
  const { db, jobs } = ctx;

  const status = (): AiStatus => {
    const clip = findClip(ai.clipDir);
    const live = jobs.list(['running', 'queued'], 1000).find((j) => j.name === AI_JOB);
    return {
      models: MODELS.map((m) =>
        m.task === 'embedding'
          ? { ...m, available: clip.available, reason: clip.available ? null : clip.reason }
          : { ...m, available: true, reason: null },
      ),
      threshold: aiThreshold(db),
      paused: aiPaused(db),
      jobId: live?.id ?? null,
      pending: ai.repo.dueIds(ai.tasks(), null).length,
      analysed: ai.repo.analysedCount(),
    };
  };

  // The Jobs panel shows a paused job as such (its row's detail), lists refetch.
  const paused = (on: boolean): Promise<AiStatus> => {
    setAiPaused(db, on);
    ctx.bus.emit('jobs.changed', { job: null });
    return Promise.resolve(status());
  };

  /** The assets named or found. */
  const which = (w: { assetIds?: number[]; query?: string }): number[] =>
    w.assetIds ?? ctx.idsFor(w.query ?? '');

  return {
    'analyses.status': () => Promise.resolve(status()),
    'analyses.get': ({ assetId }) => {
      const found = readAssetAi(db, assetId, aiThreshold(db), ai.modelOf);
      if (!found) throw new PackshotError('not_found', `No asset ${assetId}`);
      return Promise.resolve(found);
    },
    'analyses.many': ({ assetIds }) => {
      const threshold = aiThreshold(db);
      const found = ai.repo
        .analysedAmong(assetIds)
        .map((assetId) => readAssetAi(db, assetId, threshold, ai.modelOf));
      return Promise.resolve(found.filter((a): a is AssetAi => a !== null));
    },
    'analyses.run': ({ assetIds, query, only, again }) => {
      const available = new Set(ai.tasks().map((t) => t.task));
      const missing = (only ?? []).filter((t) => !available.has(t));
      if (missing.includes('embedding'))
        throw new PackshotError('invalid_argument', findClip(ai.clipDir).reason ?? 'no CLIP model');
      const among = scopeOf({ assetIds, query }, (q) => ctx.idsFor(q));
      // `again`: their runs stop counting as current in the transaction that queues the job,
      // so a run cut short still knows what is left.
      const jobId = writeTransaction(db, () => {
        if (again) ai.repo.invalidate(among, only ?? [...available]);
        return ai.enqueue({
          ...(assetIds === undefined ? {} : { assetIds }),
          ...(query === undefined ? {} : { query }),
          ...(only === undefined ? {} : { only }),
          ...(again ? { again } : {}),
        });
      });
      return Promise.resolve({ jobId });
    },
    'analyses.wait': async ({ jobId }) => {
      const row = await jobs.wait(jobId);
      if (row.name !== AI_JOB)
        throw new PackshotError('invalid_argument', `Job ${jobId} is not an AI job`);
      const result = row.result ? (JSON.parse(row.result) as AiJobResult) : null;
      return {
        jobId,
        state: row.state === 'done' ? 'done' : row.state === 'cancelled' ? 'cancelled' : 'failed',
        analysed: result?.analysed ?? row.done,
        objects: result?.objects ?? 0,
        faces: result?.faces ?? 0,
        texts: result?.texts ?? 0,
        errors: result?.errors ?? 0,
        error: row.error,
      };
    },
    'analyses.pause': () => paused(true),
    'analyses.resume': () => paused(false),
    'analyses.configure': ({ threshold }) => {
      // What is shown changes: each analysed asset's labels for free words are rewritten.
      writeTransaction(db, () => {
        const before = aiThreshold(db);
        setAiThreshold(db, threshold);
        ai.repo.rewriteWordsBetween(before, threshold);
      });
      ctx.bus.emit('assets.changed', { catalogId: null });
      return Promise.resolve(status());
    },
    'suggestions.accept': ({ tagPaths, ...w }) => {
      const result = ai.suggestions.accept(which(w), tagPaths ?? null);
      strip(ctx.edited(result, true));
      ctx.bus.emit('analyses.changed', { assetIds: [] });
      return Promise.resolve({ accepted: result.accepted, assets: result.assets });
    },
    'suggestions.reject': ({ tagPaths, ...w }) => {
      const result = ai.suggestions.reject(which(w), tagPaths ?? null);
      ctx.bus.emit('analyses.changed', { assetIds: [] });
      ctx.bus.emit('assets.changed', { catalogId: null });
      return Promise.resolve(result);
    },
  };
}
