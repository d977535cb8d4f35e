// Two processes, one library, nothing lost: the app's engine edits while two real `packshot`
// processes write to the same data folder, for 10 s. Every edit must land and none be refused
// ("database is locked" was the symptom of deferred transactions upgrading to write).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EditResult } from '../../../shared/dto';
import { startWithPhotos, type Harness } from '../../test-support/engine-harness';
import { runPackshot, spawnPackshot } from '../../test-support/run-cli';

const SECONDS = 10; // the figure; long enough for a few dozen CLI commands
const NAMES = ['s1.jpg', 's2.jpg', 's3.jpg', 's4.jpg', 's5.jpg', 's6.jpg'];

/** What one side did, as the database must show it at the end. */
interface EngineSide {
  edits: number;
  steps: number;
  tagged: Map<string, number>;
  ratings: Map<number, number>;
  linked: Set<number>;
}

interface CliSide {
  commands: number;
  /** The longest a command took, start to exit (ms). */
  slowest: number;
  steps: number;
  /** Tag paths every asset must carry at the end, and those none may. */
  present: Set<string>;
  absent: Set<string>;
  flag: 'none' | 'pick' | 'reject';
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The app: one small undoable edit after another (tags, ratings, product links). */
async function engineEdits(
  h: Harness,
  ids: number[],
  productId: number,
  until: number,
  refusals: string[],
): Promise<EngineSide> {
  const side: EngineSide = {
    edits: 0,
    steps: 0,
    tagged: new Map(),
    ratings: new Map(),
    linked: new Set(),
  };
  for (let i = 0; Date.now() < until; i++) {
    const asset = ids[i % ids.length]!;
    try {
      let result: EditResult;
      if (i % 3 === 0) {
        const path = `Stress|engine|e${i}`;
        result = await h.call('tags.apply', { ids: [asset], path });
        side.tagged.set(path, asset);
      } else if (i % 3 === 1) {
        const rating = ((side.ratings.get(asset) ?? 0) % 5) + 1; // always a change
        result = await h.call('assets.edit', { ids: [asset], rating });
        side.ratings.set(asset, rating);
      } else if (side.linked.has(asset)) {
        result = await h.call('links.remove', { productId, assetIds: [asset] });
        side.linked.delete(asset);
      } else {
        result = await h.call('links.add', { productId, assetIds: [asset] });
        side.linked.add(asset);
      }
      side.edits++;
      if (result.step) side.steps++;
    } catch (error) {
      refusals.push(`engine: ${error instanceof Error ? error.message : String(error)}`);
    }
    await tick(); // let the children's output in, as the app's event loop would
  }
  return side;
}

/**
 * One `packshot` process after another, until the clock runs out. Lane a only adds tags;
 * lane b adds a tag, flags, then removes the tag it added.
 */
async function cliLane(
  dataDir: string,
  lane: 'a' | 'b',
  until: number,
  refusals: string[],
): Promise<CliSide> {
  const side: CliSide = {
    commands: 0,
    slowest: 0,
    steps: 0,
    present: new Set(),
    absent: new Set(),
    flag: 'none',
  };
  for (let j = 0; Date.now() < until; j++) {
    const path = `Stress|cli${lane}|${lane}${Math.floor(j / 3)}`;
    const flag = Math.floor(j / 3) % 2 === 0 ? 'pick' : 'reject';
    const step = lane === 'a' ? 0 : j % 3;
    const args =
      step === 0
        ? ['tag', 'add', lane === 'a' ? `Stress|clia|a${j}` : path, '--query', '']
        : step === 1
          ? ['flag', flag, '--query', '']
          : ['tag', 'remove', path, '--query', ''];
    const started = Date.now();
    const run = await spawnPackshot(dataDir, [...args, '--json']);
    side.slowest = Math.max(side.slowest, Date.now() - started);
    side.commands++;
    if (run.status !== 0) {
      const why = run.stderr.trim().split('\n')[0];
      refusals.push(`cli ${lane} (${args.join(' ')}): exit ${run.status}: ${why}`);
      continue;
    }
    if ((JSON.parse(run.stdout) as EditResult).step) side.steps++;
    if (step === 0) side.present.add(args[2]!);
    if (step === 1) side.flag = flag;
    if (step === 2) {
      side.present.delete(path);
      side.absent.add(path);
    }
  }
  return side;
}

describe('two processes, one library', () => {
  it('applies every edit of the engine and of two CLI processes writing at once', async () => {
    const p = await startWithPhotos('two-processes', NAMES, 70);
    try {
      const { h } = p;
      const ids = NAMES.map((name) => p.id[name]!);
      const product = await h.call('products.create', { sku: 'STRESS-1' });
      // The launcher builds the app when its build is stale: once, before the clock starts.
      expect(runPackshot(h.dataDir, ['--version']).status).toBe(0);

      const refusals: string[] = [];
      const until = Date.now() + SECONDS * 1000;
      const [engine, a, b] = await Promise.all([
        engineEdits(h, ids, product.id, until, refusals),
        cliLane(h.dataDir, 'a', until, refusals),
        cliLane(h.dataDir, 'b', until, refusals),
      ]);
      const commands = a.commands + b.commands;
      const refusedEdits = refusals.filter((r) => r.startsWith('engine')).length;
      console.log(
        `two processes, one library: ${engine.edits + refusedEdits} edits by the engine ` +
          `(${refusedEdits} refused), ${commands} CLI commands (${a.commands} + ${b.commands}; ` +
          `${refusals.length - refusedEdits} failed; the slowest took ` +
          `${Math.max(a.slowest, b.slowest)} ms)` +
          refusals.map((r) => `\n  ${r}`).join(''),
      );
      expect(refusals).toEqual([]);
      expect(a.commands).toBeGreaterThan(1); // the sides did overlap
      expect(b.commands).toBeGreaterThan(1);

      const db = new Database(join(h.dataDir, 'packshot.db'), { readonly: true });
      try {
        const steps = db.prepare('SELECT count(*) FROM edit_steps WHERE undone = 0').pluck().get();
        expect(steps).toBe(engine.steps + a.steps + b.steps);
        expect(engine.steps).toBe(engine.edits); // every edit changed something
        expect(a.steps + b.steps).toBe(commands);

        const holders = db.prepare<[string], number>(
          `SELECT at.asset_id FROM asset_tags at JOIN tags t ON t.id = at.tag_id
           WHERE t.path = ? ORDER BY at.asset_id`,
        );
        for (const [path, asset] of engine.tagged)
          expect(holders.pluck().all(path)).toEqual([asset]);
        const everyAsset = [...ids].sort((x, y) => x - y);
        for (const path of [...a.present, ...b.present])
          expect(holders.pluck().all(path)).toEqual(everyAsset);
        for (const path of b.absent) expect(holders.pluck().all(path)).toEqual([]);

        const asset = db.prepare<[number], { rating: number; flag: string }>(
          'SELECT rating, flag FROM assets WHERE id = ?',
        );
        for (const id of ids) {
          expect(asset.get(id)).toEqual({ rating: engine.ratings.get(id) ?? 0, flag: b.flag });
        }
        const links = db
          .prepare<[number], number>(
            'SELECT asset_id FROM product_links WHERE product_id = ? ORDER BY asset_id',
          )
          .pluck()
          .all(product.id);
        expect(links).toEqual([...engine.linked].sort((x, y) => x - y));
      } finally {
        db.close();
      }
    } finally {
      await p.dispose();
    }
  });
});
