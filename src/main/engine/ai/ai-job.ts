// The offline AI as one durable job named `ai`: the assets whose current content still
// lacks a run of some task are sent, one at a time, to the AI process (lowest priority),
// and each one's results are written in one transaction. The due set is computed from the
// database, so a run cut short (a crash, a quit) resumes where it was, and a run that meets
// new files (indexed meanwhile) takes them too before it ends. It waits, holding nothing,
// while the AI is paused (the setting, from any process), the index queue is busy, or
// someone is browsing (jobs/interactive-gate.ts).
import type { AiRunSummary, AiTask } from '../../../shared/ai-dto';
import type { Db } from '../db/open-database';
import { abortableSleep } from '../jobs/abortable-sleep';
import type { InteractiveGate } from '../jobs/interactive-gate';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobContext } from '../jobs/job-types';
import type { AiResultsRepo, TaskModel } from '../repositories/ai-results-repo';
import { aiPaused } from '../repositories/ai-settings';
import type { AnalyseRequest, ImageAnalysis } from '../tools/ai/analyse-image';
import { groupNewFaces, type GroupingOutcome } from './face-grouping';
import { writeResults } from './write-results';

export const AI_JOB = 'ai';

export interface AiJobArgs {
  /** These assets, and those a search finds; all when neither is given. */
  assetIds?: number[];
  query?: string;
  /** The tasks; every available one when omitted. */
  only?: AiTask[];
  /** Asked to run again (applied when queued: the runs were marked stale then). */
  again?: boolean;
}

export type AiJobResult = Omit<AiRunSummary, 'jobId' | 'state' | 'error'>;

export interface AiJobDeps {
  db: Db;
  repo: AiResultsRepo;
  /** The tasks that can run now, with their models (embedding only with a CLIP model). */
  tasks(): TaskModel[];
  clipDir: string;
  analyse(request: AnalyseRequest, signal: AbortSignal): Promise<ImageAnalysis>;
  source(id: number): Promise<{ path: string } | { error: string }>;
  idsFor(query: string): number[];
  /** The index queue has work: the AI waits for it. */
  indexBusy(): boolean;
  /** Held while someone browses (the grid's thumbnails keep being asked for): the AI waits. */
  interactive?: Pick<InteractiveGate, 'held'>;
  /** After each batch: lists and previews refetch (face groups too, when faces joined). */
  changed(assetIds: number[], faces: GroupingOutcome): void;
}

/** Faces are grouped, and views told, after this many images. */
const BATCH = 16;
/** How often a waiting job looks again at the pause and the index queue. */
const WAIT_MS = 300;

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  return a === undefined || b === undefined ? undefined : [...new Set([...a, ...b])];
}

const everything = (a: AiJobArgs): boolean => a.query === undefined && a.assetIds === undefined;

/** A second run asked for while one waits folds into it: the union of both. */
export function mergeAiArgs(queued: AiJobArgs, next: AiJobArgs): AiJobArgs {
  const only = union(queued.only, next.only);
  const again = (queued.again ?? false) || (next.again ?? false);
  if (everything(queued) || everything(next)) return { only, again };
  const [a, b] = [queued.query, next.query];
  const query = a === undefined || b === undefined || a === b ? (a ?? b) : `(${a}) OR (${b})`;
  const ids = [...new Set([...(queued.assetIds ?? []), ...(next.assetIds ?? [])])];
  return {
    ...(ids.length > 0 ? { assetIds: ids } : {}),
    ...(query === undefined ? {} : { query }),
    only,
    again,
  };
}

/** The assets a run covers, or null for all of them. */
export function scopeOf(args: AiJobArgs, idsFor: (query: string) => number[]): number[] | null {
  if (everything(args)) return null;
  const found = args.query === undefined ? [] : idsFor(args.query);
  return [...new Set([...(args.assetIds ?? []), ...found])];
}

export function defineAiJob(registry: JobRegistry, deps: AiJobDeps) {
  return registry.define<AiJobArgs, AiJobResult>({
    name: AI_JOB,
    concurrency: 1,
    label: (args) =>
      `Analyse ${args.assetIds && !args.query ? `${args.assetIds.length} image${args.assetIds.length === 1 ? '' : 's'}` : 'images'}${args.only ? ` (${args.only.join(', ')})` : ''}${args.query ? `: ${args.query}` : ''}`,
    merge: mergeAiArgs,
    run: (ctx) => runAi(ctx, deps),
  });
}

async function runAi(ctx: JobContext<AiJobArgs>, deps: AiJobDeps): Promise<AiJobResult> {
  const only = ctx.args.only;
  const tasks = deps.tasks().filter((t) => !only || only.includes(t.task));
  const out: AiJobResult = { analysed: 0, objects: 0, faces: 0, texts: 0, errors: 0 };
  const tried = new Set<number>();
  let done = 0;
  let total = 0;
  let paused = false;
  const report = (): void =>
    ctx.progress(done, total, { detail: { paused, errors: out.errors, analysed: out.analysed } });

  // Between images: wait while paused, while indexing runs, or while someone browses (each
  // may change any time).
  const turn = async (): Promise<void> => {
    for (;;) {
      if (ctx.signal.aborted) throw ctx.signal.reason as Error;
      const nowPaused = aiPaused(deps.db);
      if (nowPaused !== paused) {
        paused = nowPaused;
        report();
      }
      if (!paused && !deps.indexBusy() && !deps.interactive?.held()) return;
      await abortableSleep(WAIT_MS, ctx.signal);
    }
  };

  for (;;) {
    const among = scopeOf(ctx.args, (q) => deps.idsFor(q));
    const ids = deps.repo.dueIds(tasks, among).filter((id) => !tried.has(id));
    if (ids.length === 0) break;
    total = done + ids.length;
    report();
    for (let at = 0; at < ids.length; at += BATCH) {
      const batch = ids.slice(at, at + BATCH);
      try {
        for (const id of batch) {
          await turn();
          tried.add(id);
          await analyseOne(id, tasks, deps, ctx.signal, out);
          done++;
          report();
        }
      } finally {
        // Also when stopped mid-batch: what was written is grouped and shown.
        deps.changed(batch, groupNewFaces(deps.db));
      }
    }
  }
  report();
  return out;
}

async function analyseOne(
  id: number,
  tasks: readonly TaskModel[],
  deps: AiJobDeps,
  signal: AbortSignal,
  out: AiJobResult,
): Promise<void> {
  const subject = deps.repo.subject(id);
  if (!subject) return;
  // Another process may have done it since the due set was read.
  const due = deps.repo.dueTasks(id, subject.hash, tasks);
  if (due.length === 0) return;
  const source = await deps.source(id);
  const analysis: ImageAnalysis =
    'error' in source
      ? { errors: Object.fromEntries(due.map((t) => [t.task, source.error])) }
      : await deps.analyse(
          { source: source.path, tasks: due.map((t) => t.task), clipDir: deps.clipDir },
          signal,
        );
  const counts = writeResults(deps.db, deps.repo, {
    assetId: id,
    hash: subject.hash,
    tasks: due,
    analysis,
  });
  if (!counts) return;
  out.analysed++;
  out.objects += counts.objects;
  out.faces += counts.faces;
  if (counts.text) out.texts++;
  if (counts.errors > 0) out.errors++;
}
