// The pure_white_border backfill on a real catalog: indexed fresh, then made to look like a
// catalog indexed before migration 26 (the column NULL), the job writes what the fresh index
// wrote, row for row; a missing and a corrupt thumbnail each leave their row NULL with an
// error naming the asset, and the job goes on; export then plans a pure-white source as it
// does for a fresh catalog. On its own registry: it waits while indexing runs, and a run cut
// short resumes after its last batch in the next engine.
import Database from 'better-sqlite3';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackManifest } from '../../../shared/export-dto';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { colouredProductShot, pureWhiteShotJpeg } from '../../test-support/studio-shots';
import { openDatabase } from '../db/open-database';
import { JobRegistry } from '../jobs/job-registry';
import { JobRepo } from '../repositories/job-repo';
import { MediaCache } from './media-cache';
import {
  defineWhiteBorderBackfill,
  WHITE_BORDER_JOB,
  type WhiteBorderResult,
} from './white-border-backfill';

let h: Harness;
let folder: string;
/** pure_white_border by asset name, as the fresh index wrote it. */
const fresh = new Map<string, number | null>();
let freshKey: string | undefined;

function sql<T = unknown>(text: string, ...params: unknown[]): T[] {
  const db = new Database(join(h.dataDir, 'packshot.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const statement = db.prepare(text);
    return (statement.reader ? statement.all(...params) : [statement.run(...params)]) as T[];
  } finally {
    db.close();
  }
}

const borders = (): Map<string, number | null> =>
  new Map(
    sql<{ name: string; pure_white_border: number | null }>(
      'SELECT name, pure_white_border FROM assets',
    ).map((r) => [r.name, r.pure_white_border]),
  );

/** As a catalog indexed before migration 26, and before any backfill. */
function makeOld(): void {
  sql('UPDATE assets SET pure_white_border = NULL');
  sql(`DELETE FROM settings WHERE key = 'backfill.white_border_after'`);
}

const thumbOf = (name: string): string => {
  const [row] = sql<{ hash: string }>('SELECT hash FROM assets WHERE name = ?', name);
  return new MediaCache(join(h.dataDir, 'cache')).pathFor('thumb', row?.hash ?? '');
};

async function packKey(): Promise<string | undefined> {
  const out = await tempDir('white-border-pack');
  const job = await h.call('exports.start', { channels: ['amazon-main'], query: 'WB-', out });
  expect((await h.call('exports.wait', { jobId: job.jobId })).failed).toBe(0);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
  await rm(out, { recursive: true, force: true });
  return manifest.files.find((f) => f.sku === 'WB-pure')?.renderKey;
}

beforeAll(async () => {
  folder = await tempDir('white-border');
  await writeFile(join(folder, 'pure.jpg'), await pureWhiteShotJpeg(600, 450));
  await copyFile(join(folder, 'pure.jpg'), join(folder, 'pure-copy.jpg'));
  const near = colouredProductShot(600, 450, { backdrop: 251, vignette: 6 });
  const raw = { width: near.width, height: near.height, channels: near.channels };
  await writeFile(join(folder, 'near.png'), await sharp(near.data, { raw }).png().toBuffer());
  for (const [i, name] of ['a.jpg', 'b.jpg', 'missing.jpg', 'corrupt.jpg'].entries())
    await writeFile(join(folder, name), await makeImage(64, 48, 'jpeg', 40 + i));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  const pure = await h.byName('pure.jpg');
  seedProducts(h.dataDir, [{ sku: 'WB-pure', links: [{ assetId: pure.id, role: 'main' }] }]);
  for (const [name, value] of borders()) fresh.set(name, value);
  freshKey = await packKey();
  // The AI job a live engine queues at start waits, holding nothing.
  await h.call('analyses.pause', {});
}, 120_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('the pure_white_border backfill', () => {
  it('writes what a fresh index wrote; a bad thumbnail leaves NULL, named, and the job goes on', async () => {
    expect(fresh.get('pure.jpg')).toBe(1);
    expect(fresh.get('near.png')).toBe(0);
    expect([...fresh.values()].every((v) => v === 0 || v === 1)).toBe(true);
    expect(freshKey).toMatch(/^[0-9a-f]{32}$/);
    makeOld();
    // What an old catalog gets without the backfill: the pass is planned (decoded at render).
    expect(await packKey()).not.toBe(freshKey);
    await rm(thumbOf('missing.jpg'));
    await writeFile(thumbOf('corrupt.jpg'), 'not a webp');
    // A live engine (the app, serve) queues the job at start.
    await h.restart({ resumeJobs: true });
    const done = () =>
      h.call('jobs.list', {}).then((jobs) => jobs.find((j) => j.name === WHITE_BORDER_JOB));
    const job = await eventually(async () => {
      const j = await done();
      return j?.state === 'done' ? j : undefined;
    }, 'the backfill to finish');
    expect(job.progress).toMatchObject({ done: 7, total: 7 });

    const after = borders();
    for (const [name, value] of fresh) {
      if (name === 'missing.jpg' || name === 'corrupt.jpg') expect(after.get(name)).toBeNull();
      else expect([name, after.get(name)]).toEqual([name, value]);
    }
    const [row] = sql<{ result: string }>('SELECT result FROM jobs WHERE id = ?', job.id);
    const result = JSON.parse(row?.result ?? '{}') as WhiteBorderResult;
    // pure.jpg and its copy share one thumbnail: measured once, written to both.
    expect(result).toMatchObject({ measured: 4, pureWhite: 1, rows: 5, errors: 2 });
    expect(result.failures.map((f) => f.error).sort()).toEqual([
      expect.stringMatching(/^asset \d+ \(corrupt\.jpg\): thumbnail unreadable: /),
      expect.stringMatching(/^asset \d+ \(missing\.jpg\): thumbnail missing$/),
    ]);

    // Export plans the pure-white source as for a fresh catalog: no pass, the fresh key.
    expect(await packKey()).toBe(freshKey);
    // The next start does not queue it again for the two it could not read.
    await h.restart({ resumeJobs: true });
    await h.call('jobs.wait', {});
    const runs = (await h.call('jobs.list', {})).filter((j) => j.name === WHITE_BORDER_JOB);
    expect(runs).toHaveLength(1);
  }, 120_000);

  it('waits while indexing runs, and a run cut short resumes after its last batch', async () => {
    makeOld();
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    const cache = new MediaCache(join(h.dataDir, 'cache'));
    // The index queue as the job sees it: busy, then idle for `idleCalls` looks.
    let idleCalls = 0;
    let looks = 0;
    const queue = {
      status: () => {
        looks++;
        return { running: idleCalls-- <= 0 };
      },
    };
    const first = new JobRegistry(new JobRepo(db), { adopt: false, heartbeatMs: 100 });
    const queueIt = defineWhiteBorderBackfill(first, { db, cache, queue, batch: 2 });
    const nulls = (afterId = 0) =>
      sql<{ n: number }>(
        'SELECT count(*) AS n FROM assets WHERE pure_white_border IS NULL AND id > ?',
        afterId,
      )[0]?.n;
    const cursor = (): number =>
      Number(
        sql<{ value: string }>(
          `SELECT value FROM settings WHERE key = 'backfill.white_border_after'`,
        )[0]?.value ?? 0,
      );
    let left = 0;
    let cut: number | undefined;
    try {
      expect(queueIt()).toBe(true);
      cut = first.list(['queued', 'running']).find((j) => j.name === WHITE_BORDER_JOB)?.id;
      expect(cut).toBeDefined();
      await eventually(() => Promise.resolve(looks >= 3), 'the job to look at the queue');
      expect(nulls()).toBe(7); // indexing is busy: nothing measured yet
      // One batch's worth of idle looks (one for the batch, one per thumbnail).
      idleCalls = 3;
      await eventually(
        () => Promise.resolve(cursor() > 0 && idleCalls < 0),
        'one batch to be written and the job to wait again',
      );
      left = nulls(cursor()) ?? 0;
      expect(left).toBeLessThan(7);
      // The batch's rows are measured (but for a thumbnail the first test broke).
      const batchNulls = sql<{ n: number }>(
        `SELECT count(*) AS n FROM assets WHERE pure_white_border IS NULL AND id <= ?
           AND name NOT IN ('missing.jpg', 'corrupt.jpg')`,
        cursor(),
      )[0]?.n;
      expect(batchNulls).toBe(0);
    } finally {
      await first.close(); // the row is left queued for the next engine
    }
    const second = new JobRegistry(new JobRepo(db), { adopt: true, heartbeatMs: 100 });
    const idle = { status: () => ({ running: false }) };
    defineWhiteBorderBackfill(second, { db, cache, queue: idle, batch: 2 });
    try {
      second.start();
      // The same row, taken over by the next engine.
      const resumed = await eventually(() => {
        const job = second.get(cut ?? 0);
        return Promise.resolve(job?.state === 'done' ? job : undefined);
      }, 'the resumed backfill to finish');
      // It went on after the first run's last batch: only the rows left then.
      expect(resumed.progress.total).toBe(left);
    } finally {
      await second.close();
      db.close();
    }
    const after = borders();
    for (const [name, value] of fresh)
      if (name !== 'missing.jpg' && name !== 'corrupt.jpg') expect(after.get(name)).toBe(value);
  }, 120_000);
});
