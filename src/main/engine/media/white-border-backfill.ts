// Backfill of assets.pure_white_border (migration 26) for catalogs indexed before it: those
// rows keep NULL, and export then decodes every white-background source to look at its
// border. This low-priority job measures it from the stored grid thumbnail with indexing's
// own analysis, so a backfilled row holds what a fresh index would. Batches walk the ids in
// order, each written with a cursor (a setting) in one transaction: a run cut short (a quit,
// a crash) resumes after the last batch, and a later start does not try failures again. It
// waits while the index queue has work or someone browses; a thumbnail missing or unreadable leaves its row
// NULL (export looks at the source, as before) with an error naming the asset, and goes on.
import { readFile } from 'node:fs/promises';
import { analyzePixels } from '../analysis/analyze-pixels';
import type { Db } from '../db/open-database';
import { abortableSleep } from '../jobs/abortable-sleep';
import type { InteractiveGate } from '../jobs/interactive-gate';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobContext } from '../jobs/job-types';
import { WhiteBorderRepo, type UnmeasuredBorder } from '../repositories/white-border-repo';
import { rgbaOf } from '../tools/sharp/render-thumbnail';
import type { MediaCache } from './media-cache';

export const WHITE_BORDER_JOB = 'thumbs.white-border';

/** The engine's context has these: the backfill waits while the index queue runs. */
export interface WhiteBorderDeps {
  db: Db;
  cache: MediaCache;
  queue: { status(): { running: boolean } };
  /** Held while someone browses: the backfill waits before its next thumbnail. */
  interactive?: Pick<InteractiveGate, 'held'>;
  batch?: number;
}

export interface WhiteBorderFailure {
  assetId: number;
  name: string;
  error: string;
}

export interface WhiteBorderResult {
  /** Contents measured (copies share one), and how many of those are pure white. */
  measured: number;
  pureWhite: number;
  /** Rows written (copies of a content each count). */
  rows: number;
  errors: number;
  /** The first few failures, each naming its asset. */
  failures: WhiteBorderFailure[];
}

/** Shown with the row's progress. */
interface Detail {
  after: number;
  errors: number;
  lastError: string | null;
}

/** Thumbnails a transaction (a test may ask for fewer). */
export const WHITE_BORDER_BATCH = 64;
const WAIT_MS = 300;
const FAILURES_KEPT = 20;

/**
 * Defines the job; the function returned queues it when some row is unmeasured (at most
 * one live row across processes: another's, or one a closed engine left, is not doubled).
 */
export function defineWhiteBorderBackfill(
  registry: JobRegistry,
  deps: WhiteBorderDeps,
): () => boolean {
  const repo = new WhiteBorderRepo(deps.db);
  const type = registry.define<Record<string, never>, WhiteBorderResult>({
    name: WHITE_BORDER_JOB,
    concurrency: 1,
    label: () => 'Measure pure-white borders of thumbnails indexed before export could read them',
    lockKey: () => WHITE_BORDER_JOB,
    run: (ctx) => backfill(ctx, deps, repo),
  });
  return () => {
    if (repo.countUnmeasured(repo.cursor()) === 0) return false;
    try {
      type.enqueue({});
      return true;
    } catch {
      // Already queued or running (here or in another process), or the engine is closing.
      return false;
    }
  };
}

async function backfill(
  ctx: JobContext<Record<string, never>>,
  deps: WhiteBorderDeps,
  repo: WhiteBorderRepo,
): Promise<WhiteBorderResult> {
  const detail: Detail = { after: repo.cursor(), errors: 0, lastError: null };
  const out: WhiteBorderResult = { measured: 0, pureWhite: 0, rows: 0, errors: 0, failures: [] };
  const total = repo.countUnmeasured(detail.after);
  let done = 0;
  const report = (): void => ctx.progress(done, Math.max(total, done), { detail });
  report();
  for (;;) {
    // Each row waits its turn below; a wait here too would spend the gate's pass on a query.
    const batch = repo.unmeasured(detail.after, deps.batch ?? WHITE_BORDER_BATCH);
    if (batch.length === 0) break;
    const results: { hash: string; pureWhite: boolean }[] = [];
    const seen = new Set<string>();
    for (const row of batch) {
      await yieldToIndexing(ctx.signal, deps);
      if (!seen.has(row.hash)) {
        seen.add(row.hash);
        const measured = await measure(deps.cache, row);
        if (typeof measured === 'boolean') {
          results.push({ hash: row.hash, pureWhite: measured });
          out.measured++;
          if (measured) out.pureWhite++;
        } else {
          out.errors++;
          detail.errors++;
          detail.lastError = measured.error;
          if (out.failures.length < FAILURES_KEPT) out.failures.push(measured);
        }
      }
      done++;
    }
    // One transaction a batch: its rows and the cursor past it.
    detail.after = batch[batch.length - 1]?.id ?? detail.after;
    out.rows += repo.record(results, detail.after);
    report();
  }
  report();
  return out;
}

/** The thumbnail's border, as indexing measures it, or why it could not be read. */
async function measure(
  cache: MediaCache,
  row: UnmeasuredBorder,
): Promise<boolean | WhiteBorderFailure> {
  let bytes: Buffer;
  try {
    bytes = await readFile(cache.pathFor('thumb', row.hash));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : messageOf(error);
    return failure(row, `thumbnail ${why}`);
  }
  try {
    // The very function indexing runs on the same decoded thumbnail: the same answer.
    return analyzePixels(await rgbaOf(bytes)).pureWhiteBorder === true;
  } catch (error) {
    return failure(row, `thumbnail unreadable: ${messageOf(error)}`);
  }
}

function failure(row: UnmeasuredBorder, why: string): WhiteBorderFailure {
  return { assetId: row.id, name: row.name, error: `asset ${row.id} (${row.name}): ${why}` };
}

/**
 * Waits while indexing has work or someone browses, and gives the event loop a turn between
 * thumbnails.
 */
async function yieldToIndexing(signal: AbortSignal, deps: WhiteBorderDeps) {
  for (;;) {
    if (signal.aborted) throw signal.reason as Error;
    if (!deps.queue.status().running && !deps.interactive?.held()) break;
    await abortableSleep(WAIT_MS, signal);
  }
  await new Promise<void>((resolve) => setImmediate(resolve));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
