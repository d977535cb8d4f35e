// Spins out to a folder: for each spin `<out>/<name>/` holds frames/ at the preset's size
// (the export's render path), sprite.jpg with sprite.json, and amazon/<SKU>.zip. Each file
// lands atomically (writeAtomic); `spin-export.json` keeps each file's key (its frames'
// content hashes and the options), so a run rewrites only what changed and removes what an
// earlier run wrote that no longer belongs.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PackshotError } from '../../../../shared/errors';
import type { Rendition } from '../../../../shared/export-dto';
import { sanitizeSegment } from '../../../../shared/naming/sanitize-name';
import type { SpinExportFormat, SpinExportResult } from '../../../../shared/spin-dto';
import type { Db } from '../../db/open-database';
import { PresetRepo } from '../../repositories/preset-repo';
import type { FrameFile, SpinRepo } from '../../repositories/spin-repo';
import { spinWarnings } from '../../repositories/spin-warnings';
import { EXTENSIONS, prepareSource, renderRendition } from '../../tools/render/render-rendition';
import { renderKey, renderOptions, type RenderOptions } from '../../tools/render/render-options';
import { spriteSheet } from '../../tools/render/sprite-sheet';
import { syncFolder } from '../../tools/files/durable-files';
import { writeAtomic } from '../pack/write-atomic';
import { framesCleared } from './spin-rights';
import { amazonCount, amazonFrameName, amazonZip, resample, type AmazonFrames } from './amazon-360';

export const SPIN_MANIFEST = 'spin-export.json';
const SPRITE_CELL = 256;

export interface SpinExportArgs {
  ids?: number[] | undefined;
  out: string;
  preset?: string | undefined;
  formats?: SpinExportFormat[] | undefined;
  amazonFrames?: AmazonFrames | undefined;
}

interface Planned {
  file: string;
  key: string;
  make: () => Promise<Buffer | string>;
}

export async function exportSpins(
  db: Db,
  repo: SpinRepo,
  args: SpinExportArgs,
): Promise<SpinExportResult> {
  const preset = new PresetRepo(db).require(args.preset ?? 'amazon-main');
  const rendition = preset.renditions[0];
  if (!rendition)
    throw new PackshotError('invalid_argument', `Preset ${preset.id} has no rendition`);
  const formats = new Set<SpinExportFormat>(args.formats ?? ['frames', 'sprite', 'amazon']);
  const ids = args.ids ?? repo.rows().map((r) => r.id);
  const result: SpinExportResult = {
    out: args.out,
    spins: 0,
    written: 0,
    unchanged: 0,
    removed: 0,
    warnings: [],
  };
  for (const id of ids) {
    const row = repo.require(id);
    const all = repo.frameFiles(id);
    for (const w of spinWarnings(all)) result.warnings.push(`${row.name}: ${w}`);
    const { cleared: frames, blocked } = framesCleared(
      db,
      preset,
      all.filter((f) => f.state === 'ok' && f.hash !== null),
    );
    if (blocked.length > 0)
      result.warnings.push(`${row.name}: left out by the rights check: ${blocked.join(', ')}`);
    if (frames.length === 0) {
      result.warnings.push(`${row.name}: no readable frames, nothing exported`);
      continue;
    }
    const folder = join(args.out, sanitizeSegment(`${row.name}`) || `spin-${id}`);
    const plan = planSpin(
      row.name,
      frames,
      rendition,
      preset.metadata,
      formats,
      repo.skus(id),
      args.amazonFrames,
      result.warnings,
    );
    await landPlan(folder, plan, result);
    result.spins++;
  }
  return result;
}

/** Everything one spin's folder should hold, each file with its key and its maker. */
function planSpin(
  name: string,
  frames: readonly FrameFile[],
  rendition: Rendition,
  metadata: RenderOptions['metadata'],
  formats: ReadonlySet<SpinExportFormat>,
  skus: readonly string[],
  wanted: AmazonFrames | undefined,
  warnings: string[],
): Planned[] {
  // Frames keep one framing as the product turns: trimming each to its own outline would
  // make it jump and change size from frame to frame.
  const options = renderOptions(
    { ...rendition, trim: false, productFill: null },
    metadata,
    null,
    null,
    [],
  );
  const jpeg: RenderOptions = { ...options, format: 'jpeg' };
  const rendered = new Map<string, Promise<Buffer>>();
  const render = (f: FrameFile, o: RenderOptions): Promise<Buffer> => {
    const key = renderKey(f.hash as string, o);
    let p = rendered.get(key);
    if (!p) {
      p = readFile(f.path)
        .then((input) => prepareSource(input, null))
        .then((source) => renderRendition(source, o))
        .then((r) => r.data);
      rendered.set(key, p);
    }
    return p;
  };
  const base = sanitizeSegment(name) || 'spin';
  const digits = Math.max(2, String(frames.length).length);
  const plan: Planned[] = [];
  if (formats.has('frames')) {
    frames.forEach((f, i) => {
      plan.push({
        file: `frames/${base}_${String(i + 1).padStart(digits, '0')}.${EXTENSIONS[options.format]}`,
        key: renderKey(f.hash as string, options),
        make: () => render(f, options),
      });
    });
  }
  if (formats.has('sprite')) {
    const key = digest([
      'sprite',
      SPRITE_CELL,
      options.background,
      ...frames.map((f) => renderKey(f.hash as string, jpeg)),
    ]);
    const sheet = once(async () =>
      spriteSheet(
        await Promise.all(frames.map((f) => render(f, jpeg))),
        SPRITE_CELL,
        options.background,
      ),
    );
    plan.push({ file: 'sprite.jpg', key, make: async () => (await sheet()).data });
    plan.push({
      file: 'sprite.json',
      key,
      make: async () =>
        `${JSON.stringify({ image: 'sprite.jpg', spin: name, ...(await sheet()).layout }, null, 2)}\n`,
    });
  }
  if (formats.has('amazon')) {
    const count = amazonCount(frames.length, wanted);
    if (count === null) {
      warnings.push(
        `${name}: Amazon's 360 package needs at least 24 frames; it has ${frames.length}`,
      );
    } else {
      if (wanted !== undefined && count !== wanted)
        warnings.push(`${name}: ${frames.length} frames cannot fill ${wanted}; sent ${count}`);
      if (skus.length === 0)
        warnings.push(
          `${name}: no product links this spin (role spin); its zip is named for the spin`,
        );
      const picks = resample(frames.length, count).map((i) => ({ i, f: frames[i] as FrameFile }));
      for (const sku of skus.length > 0 ? skus : [base]) {
        const manifest = {
          sku,
          spin: name,
          frames: count,
          sourceFrames: frames.length,
          files: picks.map(({ i, f }, n) => ({
            name: amazonFrameName(sku, n),
            sourceFrame: i,
            assetId: f.assetId,
          })),
          direction: 'as-shot' as const,
        };
        plan.push({
          file: `amazon/${sanitizeSegment(sku) || base}.zip`,
          key: digest([
            'amazon',
            JSON.stringify(manifest),
            ...picks.map(({ f }) => renderKey(f.hash as string, jpeg)),
          ]),
          make: async () =>
            amazonZip(manifest, await Promise.all(picks.map(({ f }) => render(f, jpeg)))),
        });
      }
    }
  }
  return plan;
}

/** Writes what changed, keeps what did not, removes what the last run wrote and this did not. */
async function landPlan(
  folder: string,
  plan: readonly Planned[],
  result: SpinExportResult,
): Promise<void> {
  const before = await readManifest(join(folder, SPIN_MANIFEST));
  const after: Record<string, string> = {};
  const touched = new Set<string>([folder]);
  for (const p of plan) {
    after[p.file] = p.key;
    const target = join(folder, ...p.file.split('/'));
    if (before[p.file] === p.key && (await exists(target))) {
      result.unchanged++;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeAtomic(target, await p.make());
    touched.add(dirname(target));
    result.written++;
  }
  for (const file of Object.keys(before)) {
    if (after[file] !== undefined) continue;
    // The manifest on disk is data: a name in it never removes a file outside the folder
    // (`..`, an absolute path, a backslash on Windows).
    const target = resolve(folder, ...file.split('/'));
    const inside = relative(folder, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
    await rm(target, { force: true });
    touched.add(dirname(target));
    result.removed++;
  }
  // Each folder once (writeAtomic leaves it to the caller), then the manifest last: a crash
  // before it leaves the old one, and the next run rewrites what differs from it.
  for (const dir of touched) await syncFolder(dir);
  await mkdir(folder, { recursive: true });
  await writeAtomic(join(folder, SPIN_MANIFEST), `${JSON.stringify({ files: after }, null, 2)}\n`);
  await syncFolder(folder);
}

async function readManifest(path: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { files?: Record<string, string> };
    return parsed.files && typeof parsed.files === 'object' ? parsed.files : {};
  } catch {
    return {};
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function digest(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
}
