// Licence notices: the daily job reports a licence that moved into its warning window once
// (a rerun with nothing new reports nothing), two engines on one library keep one live job
// row, and rights.notices counts assets and live pack files after a real export.
import Database from 'better-sqlite3';
import { realpath, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/events';
import { createEngine, type Engine } from '../engine';
import { invoke } from '../hosts/dispatch';
import { eventually, startWithPhotos, type PhotoHarness } from '../test-support/engine-harness';
import { tempDir } from '../test-support/sample-images';
import { seedProducts } from '../test-support/seed-products';
import { addDays, today } from './rights/licence-dates';

let photos: PhotoHarness | null = null;
const engines: Engine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  await photos?.dispose();
  photos = null;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The user's local day plus `offset` days, as the engine counts them. */
const day = (offset: number): string => addDays(today(), offset);
const licence = { name: 'Shoot', licensor: 'Studio', type: 'royalty-free' as const };

async function finished(engine: Engine, jobId: number | null): Promise<void> {
  expect(jobId).not.toBeNull();
  await eventually(async () => {
    const rows = await invoke(engine.handlers, 'jobs.list', { state: ['done'], limit: 1000 });
    return rows.some((j) => j.id === jobId);
  }, `rights.daily job ${jobId} done`);
}

function dailyRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'packshot.db'), { readonly: true });
  try {
    return (
      db.prepare("SELECT count(*) AS n FROM jobs WHERE name = 'rights.daily'").get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

describe('rights notices', () => {
  it('reports a licence that entered its warning window once', async () => {
    photos = await startWithPhotos('notices-job', ['a.jpg'], 7);
    const { h, id } = photos;
    const seen: EventPayload<'rights.changed'>[] = [];
    h.engine.subscribe((name, payload) => {
      if (name === 'rights.changed') seen.push(payload as EventPayload<'rights.changed'>);
    });
    const terms = { ...licence, endsOn: day(40), warnDays: 30 };
    const { id: lid } = await h.call('licences.create', terms);
    await h.call('licences.attach', { licenceId: lid, assetIds: [id['a.jpg'] ?? 0] });
    await finished(h.engine, (await h.call('rights.recheck', {})).jobId);
    expect(seen).toEqual([]);
    expect(await h.call('rights.notices', {})).toEqual([]);

    await h.call('licences.update', { id: lid, ...terms, warnDays: 45 });
    await finished(h.engine, (await h.call('rights.recheck', {})).jobId);
    expect(seen).toEqual([
      {
        ...{ expired: 0, expiring: 1, newlyExpired: 0, newlyExpiring: 1 },
        newly: { expired: [], expiring: [lid] },
      },
    ]);

    await finished(h.engine, (await h.call('rights.recheck', {})).jobId);
    expect(seen).toHaveLength(1);
  }, 120_000);

  it('keeps one live daily job across two engines on one library, queued only when due', async () => {
    const dataDir = await tempDir('notices-two');
    dirs.push(dataDir);
    // Both queue the job at start; the second finds the first's row still live.
    engines.push(createEngine({ dataDir, resumeJobs: true }));
    engines.push(createEngine({ dataDir, resumeJobs: true }));
    expect(dailyRows(dataDir)).toBe(1);
    const [a] = engines;
    if (!a) throw new Error('no engine');
    await eventually(async () => {
      const done = await invoke(a.handlers, 'jobs.list', { state: ['done'], limit: 1000 });
      return done.some((j) => j.name === 'rights.daily');
    }, 'the start-up job done');
    // A one-shot engine (the CLI) queues none.
    const cli = createEngine({ dataDir });
    await cli.close();
    expect(dailyRows(dataDir)).toBe(1);
    // A long-lived engine started again the same day: today's run is recorded, none is due.
    engines.push(createEngine({ dataDir, resumeJobs: true }));
    expect(dailyRows(dataDir)).toBe(1);
    // The recorded run is of another day: the next start queues one.
    const db = new Database(join(dataDir, 'packshot.db'));
    try {
      db.prepare(
        "UPDATE settings SET value = json_set(value, '$.day', '2000-01-01') WHERE key = 'rights.daily.last'",
      ).run();
    } finally {
      db.close();
    }
    engines.push(createEngine({ dataDir, resumeJobs: true }));
    expect(dailyRows(dataDir)).toBe(2);
  }, 60_000);

  it('counts the assets and live pack files of an expired licence after an export', async () => {
    photos = await startWithPhotos('notices-export', ['a.jpg', 'b.jpg', 'c.jpg'], 11);
    const { h, id } = photos;
    const [a, b, c] = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0, id['c.jpg'] ?? 0];
    seedProducts(h.dataDir, [
      { sku: 'N-A', links: [{ assetId: a, role: 'main' }] },
      { sku: 'N-B', links: [{ assetId: b, role: 'main' }] },
    ]);
    const out = await realpath(await tempDir('notices-out'));
    dirs.push(out);
    const job = await h.call('exports.start', { channels: ['shopify'], out });
    await h.call('exports.wait', { jobId: job.jobId });

    const gone = await h.call('licences.create', { ...licence, name: 'Gone', endsOn: day(-2) });
    await h.call('licences.attach', { licenceId: gone.id, assetIds: [a, b, c] });
    const later = await h.call('licences.create', { ...licence, name: 'Later', endsOn: day(90) });
    await h.call('licences.attach', { licenceId: later.id, assetIds: [a] });

    expect(await h.call('rights.notices', {})).toEqual([
      expect.objectContaining({
        licenceId: gone.id,
        name: 'Gone',
        endsOn: day(-2),
        status: 'expired',
        assets: 3,
        packFiles: 2,
      }),
    ]);
  }, 120_000);
});
