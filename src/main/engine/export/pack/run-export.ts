// Writes a planned pack into its folder: renders what changed (in parallel, grouped by
// source so each file is read once), skips what is unchanged, removes what no longer
// belongs, and records every landed file in the journal before it comes into view.
import { faultPoint } from '../../faults/fault-points';
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  ExportError,
  ExportProgress,
  ExportSummary,
  FailurePolicy,
} from '../../../../shared/export-dto';
import { outputChecks } from '../preflight/output-checks';
import { renderRendition, type RenderedFile } from '../../tools/render/render-rendition';
import { MANIFEST, PackState, type PackEntry } from './manifest';
import { PackLock } from './pack-lock';
import { PackPaths } from './pack-paths';
import type { PackPlan, PlannedFile } from './plan-pack';
import { CSV_HEADER, shopifyCsv } from './shopify-csv';
import { writeAtomic } from './write-atomic';
import { readSource, type Prepared } from './read-source';
import { runGroupWorkers } from './group-workers';
import { errorOf, inTheWay, landedAsPlanned, sameBytes } from './landed-files';
import { renderModelFile, type RenderedModel } from './render-model-file';
import { syncFolder } from '../../tools/files/durable-files';
import { exportVideos, landsApart } from './export-videos';
import { packEntry } from './pack-entry';
import { removeStale } from './remove-stale';
import { writeHeadless } from '../headless/write-headless';

export interface ExportRequest {
  plan: PackPlan;
  out: string;
  failures: FailurePolicy;
  dryRun: boolean;
  baseUrl: string;
  /** Products this run covers (null: all): files of others are never removed. */
  productScope: ReadonlySet<number> | null;
  concurrency: number;
  signal: AbortSignal;
  onProgress: (p: Omit<ExportProgress, 'jobId' | 'state'>) => void;
  /** How long to wait for another export writing the same folder (default 10 minutes). */
  lockWaitMs?: number;
  /** Every file the committed manifest lists, still under the folder's lock (where used). */
  onCommitted?: (files: readonly PackEntry[]) => void;
}

/** What lands: a photo's rendition, or a model's GLB or USDZ (with its checks made). */
type Landing = RenderedFile | RenderedModel;

export type ExportOutcome = Omit<ExportSummary, 'jobId' | 'state'> & { cancelled: boolean };

const DRY_RUN_LIST = 1000;

export async function runExport(req: ExportRequest): Promise<ExportOutcome> {
  const paths = await PackPaths.open(req.out, !req.dryRun);
  // A dry run only reads; a real one holds the folder's lock from the manifest's read to
  // its commit, so two exports into one folder run one after the other.
  const lock = req.dryRun
    ? null
    : await PackLock.acquire(paths.root, {
        signal: req.signal,
        waitMs: req.lockWaitMs ?? 10 * 60_000,
        onWait: (holder) =>
          req.onProgress({
            ...{ done: 0, total: req.plan.files.length, rendered: 0, unchanged: 0, failed: 0 },
            rate: 0,
            etaSeconds: null,
            current: `waiting for another export (process ${holder.pid} on ${holder.host})`,
          }),
      });
  try {
    return await exportLocked(req, paths, lock);
  } finally {
    await lock?.release();
  }
}

async function exportLocked(
  req: ExportRequest,
  paths: PackPaths,
  lock: PackLock | null,
): Promise<ExportOutcome> {
  const started = Date.now();
  const state = await PackState.load(paths.root);
  const errors: ExportError[] = [];
  // A headless pack removes its stale media itself, last (headless/write-headless.ts).
  const presetIds = new Set(req.plan.presets.filter((p) => !p.headless).map((p) => p.id));
  const counts = { rendered: 0, unchanged: 0, skipped: 0, warned: 0, failed: 0, removed: 0 };
  let bytesWritten = 0;
  let dirty = false;

  // What to render, what is already there, what pre-flight leaves out.
  const toRender: PlannedFile[] = [];
  const keep = new Set<string>();
  const landed = await landedAsPlanned(paths, state, req.plan.files);
  for (const [i, f] of req.plan.files.entries()) {
    paths.resolve(f.path); // a name that would leave the pack fails the run here
    if (f.blocked.length > 0) {
      counts.skipped++;
      errors.push(errorOf(f, `blocked by rights: ${f.blocked.join('; ')}`));
      continue;
    }
    if (f.level === 'fail' && (req.failures === 'skip' || f.renderKey === null)) {
      counts.skipped++;
      continue;
    }
    const entry = state.entries.get(f.path);
    if (entry && entry.renderKey === f.renderKey && landed[i]) {
      counts.unchanged++;
      keep.add(f.path);
      if (entry.presetVersion !== f.preset.version && !req.dryRun) {
        await state.add({ ...entry, presetVersion: f.preset.version });
        dirty = true;
      }
      continue;
    }
    toRender.push(f);
    keep.add(f.path);
  }

  // Files an earlier run of this pack wrote that no longer belong.
  const removal = await removeStale(paths, state, {
    presetIds,
    productScope: req.productScope,
    keep,
    dryRun: req.dryRun,
  });
  counts.removed += removal.removed;
  dirty ||= removal.dirty;

  const total = req.plan.files.length - counts.skipped;
  let done = counts.unchanged;
  let current: string | null = null;
  let lastReport = 0;
  const report = (force = false): void => {
    const now = Date.now();
    if (!force && now - lastReport < 200) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? (done - counts.unchanged) / seconds : 0;
    req.onProgress({
      done,
      total,
      rendered: counts.rendered,
      unchanged: counts.unchanged,
      failed: counts.failed,
      rate: Math.round(rate * 10) / 10,
      etaSeconds: rate > 0 ? Math.ceil((total - done) / rate) : null,
      current,
    });
  };
  report(true);

  if (req.dryRun) {
    counts.rendered = toRender.length;
    counts.warned = toRender.filter((f) => f.level === 'fail').length;
    return finish(false);
  }

  // Under the lock no other export has a file in flight: what is left is a crash's.
  await paths.sweepTemp([...toRender.map((f) => f.path), ...state.entries.keys()]);

  // One group per source file: read and hashed once, rendered for every preset.
  // (A model's files are a group of their own: the source is read as a model, not pixels.
  // Videos, posters and manuals land after the images, one at a time.)
  const groups = new Map<string, PlannedFile[]>();
  for (const f of toRender.filter((x) => !landsApart(x))) {
    const key = `${f.image.assetId}${f.model ? ':model' : ''}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const queue = [...groups.values()];
  const folders = new Set<string>();

  // A worker renders the next file while the last one lands (its fsyncs and journal line),
  // and reads its next source meanwhile: one of each in flight per worker, so renders at
  // once stay at `concurrency`. (The landing goes back wrapped: an async function returning
  // the promise would wait for it.)
  type InFlight = { landing: Promise<void> };
  const renderGroup = async (
    files: PlannedFile[],
    prepared: Prepared,
    { landing }: InFlight,
  ): Promise<InFlight> => {
    if ('error' in prepared) {
      for (const f of files) fail(f, prepared.error);
      return { landing };
    }
    const { sourceHash } = prepared;
    for (const f of files) {
      if (req.signal.aborted) break;
      current = f.path;
      let out: Landing;
      try {
        out =
          'model' in prepared && f.model
            ? await renderModelFile(prepared.model, f.model, req.signal)
            : 'source' in prepared
              ? await renderRendition(prepared.source, f.options)
              : await Promise.reject(new Error('read as a model, not as an image'));
      } catch (error) {
        fail(f, error);
        continue;
      }
      await landing;
      landing = land(f, out, sourceHash).catch((error: unknown) => fail(f, error));
    }
    return { landing };
  };

  const land = async (f: PlannedFile, out: Landing, sourceHash: string): Promise<void> => {
    const found =
      'found' in out
        ? out.found
        : outputChecks(f.preset.rules, {
            width: out.width,
            height: out.height,
            format: out.format,
            bytes: out.data.length,
          });
    const failed = found.length > 0;
    if (failed && req.failures === 'skip') {
      counts.skipped++;
      errors.push(errorOf(f, `not written: ${found.map((x) => x.reason).join('; ')}`));
      done++;
      report();
      return;
    }
    const notes = 'notes' in out ? out.notes : []; // a model's size target not reached
    const warnings = [...f.findings, ...found.map((x) => `${x.check}: ${x.reason}`), ...notes];
    if (f.level === 'fail' || failed) counts.warned++;
    const target = await paths.folderFor(f.path);
    const sha256 = createHash('sha256').update(out.data).digest('hex');
    const fields =
      'found' in out
        ? { width: 0, height: 0, triangles: out.triangles }
        : { width: out.width, height: out.height };
    const entryOf = (landed: { bytes: number; mtimeMs: number; ino: number }): PackEntry =>
      packEntry(f, fields, sha256, sourceHash, { size: landed.bytes, ...landed }, warnings);
    const blocking = await inTheWay(paths, state, f.path);
    if (blocking && (await sameBytes(target, out.data))) {
      // Exactly what this render makes (a pack whose manifest lost the line): adopted.
      const s = await lstat(target);
      await state.add(entryOf({ bytes: s.size, mtimeMs: s.mtimeMs, ino: s.ino }));
      dirty = true;
      counts.unchanged++;
    } else if (blocking) {
      throw new Error(
        `${f.path}: a file Packshot did not write (or one changed since) is in the way and was left as it is; move it, then export again`,
      );
    } else {
      if (lock?.lost) await lock.assertHeld(); // throws: another export owns the folder now
      await writeAtomic(target, out.data, {
        beforeRename: (landed) => state.add(entryOf(landed)),
        points: { written: 'export.after-temp-write', beforeRename: 'export.before-rename' },
      });
      faultPoint('export.after-rename');
      folders.add(dirname(target));
      dirty = true;
      bytesWritten += out.data.length;
      counts.rendered++;
    }
    done++;
    report();
    faultPoint('export.between-files');
  };

  const fail = (f: PlannedFile, error: unknown): void => {
    counts.failed++;
    done++;
    errors.push(errorOf(f, error instanceof Error ? error.message : String(error)));
    report();
  };

  const worker = async (first: PlannedFile[] | undefined): Promise<void> => {
    let inFlight: InFlight = { landing: Promise.resolve() };
    let files = first;
    let prepared = files && readSource(files);
    while (files && prepared && !req.signal.aborted) {
      const next = queue.shift(); // taken now: its source is read while this group renders
      const nextPrepared = next && readSource(next);
      inFlight = await renderGroup(files, await prepared, inFlight);
      [files, prepared] = [next, nextPrepared];
    }
    await inFlight.landing;
  };
  await runGroupWorkers(queue, req.concurrency, worker);
  // Videos (and manuals) after the images: ffmpeg takes every core itself.
  const videos = toRender.filter(landsApart);
  const setCurrent = (file: string): void => void (current = file);
  const ctx = { paths, state, lock, signal: req.signal, current: setCurrent, failed: fail };
  await exportVideos(videos, ctx, (f, written) => {
    dirty = true;
    if (written) {
      folders.add(written.folder);
      bytesWritten += written.bytes;
      counts.rendered++;
      if (f.level === 'fail') counts.warned++;
    } else counts.unchanged++;
    done++;
    report();
  });
  for (const folder of folders) await syncFolder(folder);
  return finish(req.signal.aborted);

  async function finish(cancelled: boolean): Promise<ExportOutcome> {
    const csv: string[] = [];
    if (!req.dryRun) {
      // Taken over as stale (a run paused for minutes): another export now owns the folder.
      await lock?.assertHeld();
      const names = new Map(req.plan.products.map((p) => [p.id, p.name || p.sku]));
      for (const preset of req.plan.presets.filter((p) => !p.headless)) {
        const file = `${preset.id}-images.csv`;
        const rows = [...state.entries.values()].filter((e) => e.presetId === preset.id);
        const text = shopifyCsv(rows, names, req.baseUrl);
        const target = paths.resolve(file);
        const old = await readFile(target, 'utf8').catch(() => null);
        if (!state.mayReplace(file, old, CSV_HEADER)) {
          errors.push({
            sku: '',
            presetId: preset.id,
            assetId: null,
            file,
            reason: `${file} was not written by Packshot (or was edited since) and is left as it is; move it, then export again to get the CSV`,
          });
          continue;
        }
        if (old !== text) {
          await writeAtomic(target, text, {
            beforeRename: () => state.output(file, text),
            points: { beforeRename: 'export.csv-before-rename' },
          });
          dirty = true;
        }
        csv.push(file);
      }
      if (!cancelled && req.plan.presets.some((p) => p.headless)) {
        const scoped = req.productScope !== null;
        const headless = await writeHeadless({ ...req, paths, state, scoped, errors });
        [dirty, counts.removed] = [dirty || headless.dirty, counts.removed + headless.removed];
      }
      faultPoint('export.manifest-before-commit');
      state.errors = errors;
      if (errors.length > 0 || state.hadErrors) dirty = true;
      if (dirty || state.replayed) await state.commit();
      else await state.close();
      faultPoint('export.manifest-committed');
      try {
        req.onCommitted?.([...state.entries.values()]);
      } catch (error) {
        const reason = `where used not recorded: ${error instanceof Error ? error.message : String(error)}`;
        errors.push({ sku: '', presetId: '', assetId: null, file: null, reason });
      }
    }
    report(true);
    return {
      out: paths.root,
      dryRun: req.dryRun,
      presets: req.plan.presets.map((p) => p.id),
      products: req.plan.products.length,
      planned: req.plan.files.length,
      ...counts,
      bytesWritten,
      seconds: (Date.now() - started) / 1000,
      manifest: MANIFEST,
      csv,
      errors,
      files: req.dryRun ? toRender.slice(0, DRY_RUN_LIST).map((f) => f.path) : [],
      cancelled,
    };
  }
}
