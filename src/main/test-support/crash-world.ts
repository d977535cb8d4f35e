// A small library for crash tests: six product shots with sidecars, built once by the real
// command line up to a stage (added, indexed, products imported, linked, XMP on), snapshot,
// and restored to the same paths before each kill. Used by faults/crash-at-any-point.test.ts
// and, through it, scripts/fault-injection.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '../engine';
import { BUILT_IN_RULE } from '../engine/products/rules/link-rule';
import { invoke } from '../hosts/dispatch';
import { makeImage, tempDir } from './sample-images';
import { packshotBin, runPackshot, type CliRun } from './run-cli';
import { listFiles } from './list-files';
export { listFiles };

export const SHOTS = 6;
export const SKUS = Array.from({ length: SHOTS }, (_, i) => `SKU-${i + 1}`);

export type Stage = 'added' | 'indexed' | 'products' | 'linked' | 'sidecar' | 'embedded' | 'auto';

/** A sidecar giving its image two keywords and a rating, as a camera tool writes one. */
export function sidecar(i: number): string {
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    <dc:subject><rdf:Bag><rdf:li>kw-${i}</rdf:li><rdf:li>shoot</rdf:li></rdf:Bag></dc:subject>
    <xmp:Rating>3</xmp:Rating></rdf:Description></rdf:RDF></x:xmpmeta>\n`;
}

export interface World {
  root: string;
  data: string;
  photos: string;
  out: string;
  csv: string;
  /** sha256 of every file in the photos folder as the stage left it. */
  originals: Map<string, string>;
  stage: Stage | null;
  run(args: readonly string[]): CliRun;
  /** Puts data, photos and the pack folder back as the stage left them. */
  restore(stage: Stage): Promise<void>;
  dispose(): Promise<void>;
}

interface StageRecipe {
  from: Stage | null;
  args: (w: World) => string[][];
  /** What no command sets: written into the library after the commands. */
  seed?: (w: World) => void;
}

const STAGES: Record<Stage, StageRecipe> = {
  added: { from: null, args: (w) => [['catalog', 'add', w.photos]] },
  indexed: { from: 'added', args: () => [['scan']] },
  products: { from: 'indexed', args: (w) => [['products', 'import', w.csv]] },
  linked: { from: 'products', args: () => [['link', 'rules', 'apply']] },
  sidecar: { from: 'indexed', args: () => [['catalog', 'config', '1', '--xmp', 'sidecar']] },
  embedded: { from: 'indexed', args: () => [['catalog', 'config', '1', '--xmp', 'embedded']] },
  // Products known and a filename rule marked auto: files link as they are indexed.
  auto: {
    from: 'added',
    args: (w) => [['products', 'import', w.csv]],
    seed: (w) => {
      const db = new Database(join(w.data, 'packshot.db'));
      try {
        db.prepare(
          `INSERT INTO link_rules (name, pattern, auto, created_at) VALUES ('auto', ?, 1, 0)`,
        ).run(BUILT_IN_RULE.pattern);
      } finally {
        db.close();
      }
    },
  },
};

export async function createWorld(): Promise<World> {
  const root = await tempDir('crash-world');
  const dirs = { data: join(root, 'data'), photos: join(root, 'photos'), out: join(root, 'out') };
  const snapshots = join(root, 'stages');
  const csv = join(root, 'products.csv');
  const built = new Set<Stage>();
  const world: World = {
    root,
    ...dirs,
    csv,
    originals: new Map(),
    stage: null,
    run: (args) => runPackshot(dirs.data, args),
    restore: async (stage) => {
      await build(stage);
      for (const key of ['data', 'photos'] as const) {
        await rm(dirs[key], { recursive: true, force: true });
        await cp(join(snapshots, stage, key), dirs[key], {
          recursive: true,
          preserveTimestamps: true,
        });
      }
      await rm(dirs.out, { recursive: true, force: true });
      await mkdir(dirs.out);
      world.originals = await hashes(dirs.photos);
      world.stage = stage;
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };

  async function build(stage: Stage): Promise<void> {
    if (built.has(stage)) return;
    const from = STAGES[stage].from;
    if (from) await world.restore(from);
    for (const args of STAGES[stage].args(world)) {
      const run = world.run(args);
      if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
    }
    STAGES[stage].seed?.(world);
    for (const key of ['data', 'photos'] as const)
      await cp(dirs[key], join(snapshots, stage, key), {
        recursive: true,
        preserveTimestamps: true,
      });
    built.add(stage);
  }

  await mkdir(dirs.photos, { recursive: true });
  await mkdir(dirs.out, { recursive: true });
  for (let i = 0; i < SHOTS; i++) {
    const name = `${SKUS[i]}_01`;
    await writeFile(join(dirs.photos, `${name}.jpg`), await makeImage(1200, 1200, 'jpeg', i));
    await writeFile(join(dirs.photos, `${name}.xmp`), sidecar(i));
  }
  // Whole seconds: every copy keeps them exactly, so a restored file is an unchanged one.
  const second = Math.floor(Date.now() / 1000) - 60;
  for (const f of await readdir(dirs.photos)) await utimes(join(dirs.photos, f), second, second);
  await writeFile(csv, `sku,name\n${SKUS.map((s) => `${s},Product ${s}`).join('\n')}\n`);
  return world;
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await listFiles(dir))
    out.set(
      f,
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    );
  return out;
}

export { hashes as fileHashes };

export interface KilledRun {
  signal: NodeJS.Signals | null;
  status: number | null;
  stderr: string;
}

/** Runs a command with one kill point armed (`point:N`) or a count file (`count:FILE`). */
export function runWithFault(world: World, args: readonly string[], fault: string): KilledRun {
  const run = spawnSync(process.execPath, [packshotBin, '--data', world.data, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACKSHOT_DATA: '', PACKSHOT_FAULT: fault },
    timeout: 240_000,
  });
  return { signal: run.signal, status: run.status, stderr: run.stderr };
}

/** Runs a command and kills it `ms` after it started (timed mode, for unnamed moments). */
export async function runKilledAfter(
  world: World,
  args: readonly string[],
  ms: number,
): Promise<KilledRun> {
  const child = spawn(process.execPath, [packshotBin, '--data', world.data, ...args], {
    env: { ...process.env, PACKSHOT_DATA: '', PACKSHOT_FAULT: '' },
    stdio: 'ignore',
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, sig) => resolve([code, sig])),
  );
  clearTimeout(timer);
  return { signal, status, stderr: '' };
}

/**
 * Opens the library as the app does after a crash (dead processes' jobs taken over and
 * resumed), waits until no job is live, and closes it.
 */
export async function openAndSettle(world: World): Promise<void> {
  const engine = createEngine({ dataDir: world.data, resumeJobs: true, concurrency: 2 });
  try {
    await engine.ready;
    for (let waited = 0; ; waited += 100) {
      const live = await invoke(engine.handlers, 'jobs.list', { limit: 200 });
      if (!live.some((j) => j.state === 'queued' || j.state === 'running')) break;
      if (waited > 120_000) throw new Error('jobs still live after 2 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await engine.close();
  }
}
