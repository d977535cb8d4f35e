// A real engine over a temp data dir and temp folders, called through the validating edge.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MethodArgs, MethodName, MethodResult } from '../../shared/contract';
import type { Asset } from '../../shared/dto';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { invoke } from '../hosts/dispatch';
import { makeImage, tempDir } from './sample-images';

export interface Harness {
  dataDir: string;
  engine: Engine;
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  all(filter?: MethodArgs<'assets.list'>['filter']): Promise<Asset[]>;
  byName(name: string): Promise<Asset>;
  restart(options?: Partial<EngineOptions>): Promise<void>;
  dispose(): Promise<void>;
}

export async function startHarness(options: Partial<EngineOptions> = {}): Promise<Harness> {
  const dataDir = await tempDir('data');
  const open = (extra: Partial<EngineOptions>): Engine =>
    createEngine({ dataDir, concurrency: 2, ...options, ...extra });
  const harness: Harness = {
    dataDir,
    engine: open({}),
    call: (method, args) => invoke(harness.engine.handlers, method, args),
    all: async (filter = 'all') =>
      (await harness.call('assets.list', { limit: 5000, filter })).items,
    byName: async (name) => {
      const found = (await harness.all()).find((a) => a.name === name);
      if (!found) throw new Error(`no asset named ${name}`);
      return found;
    },
    restart: async (extra = {}) => {
      await harness.engine.close();
      harness.engine = open(extra);
      await harness.engine.ready;
    },
    dispose: async () => {
      await harness.engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await harness.engine.ready;
  return harness;
}

export interface PhotoHarness {
  h: Harness;
  folder: string;
  /** Asset ids by file name. */
  id: Record<string, number>;
  dispose(): Promise<void>;
}

/** A real engine over a fresh catalog of small distinct JPEGs, indexed. */
export async function startWithPhotos(
  prefix: string,
  names: readonly string[],
  seed: number,
): Promise<PhotoHarness> {
  const folder = await tempDir(prefix);
  for (const [i, name] of names.entries())
    await writeFile(join(folder, name), await makeImage(64, 48, 'jpeg', i + seed));
  const h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  const id: Record<string, number> = {};
  for (const a of await h.all()) id[a.name] = a.id;
  return {
    h,
    folder,
    id,
    dispose: async () => {
      await h.dispose();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Polls until check returns a value (not undefined/false); the timeout only bounds a hang. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `never happened: ${what}${last instanceof Error ? ` (${last.message})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
