// Background work yields to someone browsing. The gate on a stand-in clock (hold, release,
// the longest hold); then in a real engine, with what a scrolling grid sends (thumbnails, via
// the engine's mediaFile, which the app's protocol and serve's /media both call; in a sweep,
// `assets.browsing`): the AI job and the pure_white_border backfill take no item while those
// keep arriving, and finish once they stop. Files the AI cannot read fail once each and are not tried again.
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { WHITE_BORDER_JOB } from '../media/white-border-backfill';
import { InteractiveGate } from './interactive-gate';

describe('the interactive gate', () => {
  let now = 0;
  const gate = new InteractiveGate({ quietMs: 100, maxHoldMs: 1000, now: () => now });

  it('holds from a request until a quiet spell, and lets one item through per longest hold', () => {
    expect(gate.held()).toBe(false); // nothing asked yet
    gate.touch();
    now = 50;
    expect(gate.held()).toBe(true);
    now = 150; // 100 ms without a request
    expect(gate.held()).toBe(false);
    // Requests every 50 ms for a long while: held, but not for ever.
    const passes: number[] = [];
    for (now = 200; now <= 3200; now += 50) {
      gate.touch();
      if (!gate.held()) passes.push(now);
    }
    // Each pass starts a new hold once the item is done: 1200, then 1250 + 1000.
    expect(passes).toEqual([1200, 2250]);
  });

  it('holds again after an item that took longer than the longest hold', () => {
    let t = 0;
    const slow = new InteractiveGate({ quietMs: 100, maxHoldMs: 1000, now: () => t });
    const browsing = (until: number): boolean[] => {
      const answers: boolean[] = [];
      for (; t <= until; t += 50) {
        slow.touch();
        answers.push(slow.held());
      }
      return answers;
    };
    expect(browsing(1000).at(-1)).toBe(false); // held from 0, one item through at 1000
    // That item (a large image's AI) takes 1.5 s while the grid keeps scrolling; the next
    // is held, not waved through because the hold began before the item did.
    t = 2500;
    expect(browsing(3000)).not.toContain(false);
  });
});

describe('background jobs in a real engine, while a grid asks for thumbnails', () => {
  let p: PhotoHarness;
  let hashes: string[];

  /**
   * Asks for the thumbnails over and over, as a scrolling grid does, until stopped; or says
   * it scrolls (`assets.browsing`), as the grid does in a sweep that asks for nothing.
   */
  const browse = (how: 'thumbnails' | 'scrolling' = 'thumbnails') => {
    let on = true;
    let asked = 0;
    const done = (async () => {
      while (on) {
        if (how === 'scrolling') await p.h.call('assets.browsing', {});
        else for (const hash of hashes) await p.h.engine.mediaFile('thumb', hash);
        asked++;
        // Often: a restarted engine is asked before its start-up queues any job.
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    return {
      asked: () => asked,
      stop: async () => {
        on = false;
        await done;
      },
    };
  };

  const sql = <T>(text: string): T[] => {
    const db = new Database(join(p.h.dataDir, 'packshot.db'), { readonly: true });
    try {
      return db.prepare(text).all() as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    p = await startWithPhotos('gate', ['a.jpg', 'b.jpg', 'c.jpg'], 70);
    hashes = (await p.h.all()).map((a) => a.hash!);
  }, 60_000);

  afterAll(async () => {
    await p.dispose();
  });

  it('the pure_white_border backfill measures nothing while thumbnails are asked for', async () => {
    const db = new Database(join(p.h.dataDir, 'packshot.db'));
    db.exec(`UPDATE assets SET pure_white_border = NULL;
      DELETE FROM settings WHERE key = 'backfill.white_border_after'`);
    db.close();
    const unmeasured = () =>
      sql<{ n: number }>('SELECT count(*) AS n FROM assets WHERE pure_white_border IS NULL')[0]?.n;
    await p.h.call('analyses.pause', {}); // the live engine's AI job waits aside
    // A live engine (the app, serve) queues the backfill at start; the grid is already asking.
    const grid = browse();
    try {
      await p.h.restart({ resumeJobs: true });
      await eventually(() => Promise.resolve(grid.asked() > 100), 'a second or so of browsing');
      const job = (await p.h.call('jobs.list', {})).find((j) => j.name === WHITE_BORDER_JOB);
      expect(job?.state).toBe('running');
      expect(unmeasured()).toBe(3);
    } finally {
      await grid.stop();
    }
    await eventually(
      async () =>
        (await p.h.call('jobs.list', {})).find((j) => j.name === WHITE_BORDER_JOB)?.state ===
        'done',
      'the backfill to finish once the grid is still',
    );
    expect(unmeasured()).toBe(0);
  }, 60_000);

  it('the AI job takes no image while the grid scrolls, then fails each unreadable one once', async () => {
    // A one-shot engine again (no job of its own at start), the AI on, the files gone after
    // indexing (a synthetic catalog, a disconnected drive): the AI cannot read them.
    await p.h.restart({});
    await p.h.call('analyses.resume', {});
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) await rm(join(p.folder, name));
    const grid = browse('scrolling');
    let jobId = 0;
    try {
      await eventually(() => Promise.resolve(grid.asked() > 0), 'the first thumbnails asked');
      jobId = (await p.h.call('analyses.run', {})).jobId;
      await eventually(() => Promise.resolve(grid.asked() > 100), 'a second or so of browsing');
      const job = (await p.h.call('jobs.list', {})).find((j) => j.id === jobId);
      expect(job?.state).toBe('running');
      expect(job?.progress.done).toBe(0);
      expect(sql('SELECT * FROM ai_runs')).toEqual([]);
    } finally {
      await grid.stop();
    }
    const summary = await p.h.call('analyses.wait', { jobId });
    expect(summary).toMatchObject({ state: 'done', analysed: 3, errors: 3 });
    const runs = sql<{ asset_id: number; task: string; error: string | null }>(
      'SELECT asset_id, task, error FROM ai_runs',
    );
    // One run per asset and task, each an error: tried once, not retried.
    expect(runs.length).toBe(new Set(runs.map((r) => `${r.asset_id}:${r.task}`)).size);
    expect(new Set(runs.map((r) => r.asset_id)).size).toBe(3);
    expect(runs.every((r) => r.error !== null)).toBe(true);
    expect((await p.h.call('analyses.status', {})).pending).toBe(0);
    const again = await p.h.call('analyses.wait', {
      jobId: (await p.h.call('analyses.run', {})).jobId,
    });
    expect(again).toMatchObject({ state: 'done', analysed: 0, errors: 0 });
  }, 60_000);
});
