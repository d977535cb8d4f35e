// Search over the synthetic 100,000-asset catalog (synthetic-100k.mjs): ten queries of the
// search language, each asked as the grid asks it (assets.list, offset 0, limit 500, sort by
// name, with the total count) through `serve`'s HTTP bridge. The figure is the engine's own
// time (the bridge's Server-Timing: validation, parse, compile, count and page); the round
// trip with HTTP and JSON of 500 assets is shown beside it.
// Baselines, same run, same SQLite file, better-sqlite3 in this process: a bare
// `SELECT count(*) FROM assets`, and a bare page (the first 500 rows in name order, every
// column, no filter, no count): what any list of 500 costs before searching anything.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { BenchError, listAll, log, mb, met, now, startServe } from './lib.mjs';

const TARGET_MS = 15;
const RSS_TARGET_MB = 300;
const ITERATIONS = Math.max(5, Number(process.env.BENCH_SEARCH_ITER ?? 25));
/** Calls of each query right after an edit (the list index rebuilds what it read). */
const COLD_ITERATIONS = Math.max(3, Math.round(ITERATIONS / 5));
/** Rounds of each query's first use after a commit by another connection (every set dropped). */
const FIRST_ROUNDS = Math.max(3, Number(process.env.BENCH_SEARCH_FIRST ?? 5));
/** Another build (main before this work: its out/main/cli.js) timed the same way, beside. */
const BEFORE_CLI = process.env.BENCH_SEARCH_BEFORE;

export const QUERIES = [
  ['(no query: the whole catalog)', undefined],
  ['free word (FTS5)', 'sneaker'],
  ['two words (FTS5, AND)', 'leather boots'],
  ['tag, any level', 'tag:Footwear'],
  ['rating and flag', 'rating>=4 flag:pick'],
  ['label and format', 'label:red format:raw'],
  ['colour and width', 'color:white width>=2000'],
  ['month and camera', 'taken:2026-05 camera:canon'],
  ['OR, NOT, parentheses', '(tag:Sneakers OR tag:Boots) -tag:Suede rating>=3'],
  ['states', 'missing OR error'],
  ['duplicates', 'dupes'],
];

const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(1)} ms`);

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted[sorted.length - 1] };
}

function baselines(dbFile) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const measure = (sql) => {
      const stmt = db.prepare(sql);
      const times = [];
      let rows = [];
      for (let i = 0; i < ITERATIONS + 2; i++) {
        const t = now();
        rows = stmt.all();
        if (i >= 2) times.push((now() - t) * 1000);
      }
      return { rows, ...stats(times) };
    };
    const count = measure('SELECT count(*) AS n FROM assets');
    const page = measure('SELECT * FROM assets ORDER BY name COLLATE NOCASE, id LIMIT 500');
    return { n: count.rows[0].n, count, page };
  } finally {
    db.close();
  }
}

export default {
  key: 'search',
  title: 'search over 100k assets',
  async run(ctx) {
    const synth = await ctx.synthetic100k();
    const serve = await startServe(synth.data);
    const results = [];
    let baseline;
    let cold;
    let memory;
    let first;
    let firstBefore;
    let beforeRefused;
    /** Assets serve's AI job had analysed before and after the timed calls (jobs.wait waits for the scan only). */
    let aiBefore;
    let aiAfter;
    const dbFile = join(synth.data, 'packshot.db');
    try {
      await serve.call('jobs.wait', {});
      aiBefore = await aiDone(serve);
      // Round robin: each timed call asks another query than the one before, as typing does.
      // The engine keeps the last count while nothing changes (paging one list): asking the
      // same query twice in a row would time that instead of a search.
      const runs = QUERIES.map(([what, query]) => ({
        what,
        query,
        args: {
          offset: 0,
          limit: 500,
          sort: 'name',
          keywords: false, // as the grid asks (listArgs): it shows none
          ...(query ? { query } : {}),
        },
        engine: [],
        cpu: [],
        trip: [],
        total: 0,
        items: 0,
      }));
      for (let i = 0; i < ITERATIONS + 2; i++) {
        for (const run of runs) {
          const r = await serve.timedCall('assets.list', run.args);
          run.total = r.result.total;
          run.items = r.result.items.length;
          if (i < 2) continue; // warm-up: statement compile, page cache
          if (r.engineMs === null) throw new BenchError('serve sent no Server-Timing header');
          run.engine.push(r.engineMs);
          run.cpu.push(r.engineCpuMs ?? NaN);
          run.trip.push(r.roundTripMs);
        }
      }
      aiAfter = await aiDone(serve);
      for (const run of runs) {
        results.push({
          what: run.what,
          query: run.query,
          total: run.total,
          items: run.items,
          engine: stats(run.engine),
          cpu: stats(run.cpu),
          trip: stats(run.trip),
        });
        log(
          `search ${JSON.stringify(run.query ?? '')}: ${run.total} found, engine p50 ${ms(stats(run.engine).p50)} p95 ${ms(stats(run.engine).p95)}`,
        );
      }
      cold = await afterEdits(serve, runs);
      first = await firstUses(serve, runs, dbFile);
      // Item 8: every page listed once, as the grid would scroll the whole catalog.
      const listed = await listAll(serve, { sort: 'name', keywords: false });
      if (
        listed.items.length !== listed.total ||
        new Set(listed.items.map((a) => a.id)).size !== listed.total
      )
        throw new BenchError(`listed ${listed.items.length} assets of ${listed.total}`);
      memory = { ...serve.memory(), pages: listed.pages, listed: listed.total };
      baseline = baselines(join(synth.data, 'packshot.db'));
    } finally {
      await serve.stop();
    }
    if (BEFORE_CLI) {
      // An older build refuses a catalog a newer schema wrote: the row says so, the rest stands.
      const before = await startServe(synth.data, BEFORE_CLI).catch((error) => {
        beforeRefused = error.message;
        return null;
      });
      try {
        if (before) await before.call('jobs.wait', {});
        if (before) firstBefore = await firstUses(before, first.runs, dbFile);
      } finally {
        await before?.stop();
      }
    }
    if (baseline.n !== synth.assets)
      throw new BenchError(`the synthetic catalog has ${baseline.n} rows, not ${synth.assets}`);
    const worst = Math.max(...results.map((r) => r.engine.p95));
    const rows = results.map((r) => ({
      figure: `search ${r.query === undefined ? r.what : JSON.stringify(r.query)}`,
      value: `p50 ${ms(r.engine.p50)} p95 ${ms(r.engine.p95)} max ${ms(r.engine.max)} (${r.total.toLocaleString('en')} found)`,
      baseline: `bare page ${ms(baseline.page.p50)}`,
      ratio: `${(r.engine.p50 / baseline.page.p50).toFixed(1)}×`,
      target: `p95 ≤ ${TARGET_MS} ms`,
      met: met(r.engine.p95 <= TARGET_MS),
    }));
    rows.push({
      figure: 'search right after an edit (worst of the ten)',
      value: `p50 ${ms(cold.p50)} p95 ${ms(cold.p95)} max ${ms(cold.max)}`,
      baseline: `bare page ${ms(baseline.page.p50)}`,
      ratio: `${(cold.p50 / baseline.page.p50).toFixed(1)}×`,
      target: 'n/a (the sets the edit touched are read again)',
      met: met(null),
    });
    first.perQuery.forEach((q, k) => {
      const old = firstBefore?.perQuery[k];
      const repeated = results[k];
      rows.push({
        figure: `search ${q.query === undefined ? '(no query)' : JSON.stringify(q.query)}, first use after a change`,
        value: `CPU p50 ${ms(q.first.cpu.p50)} wall p50 ${ms(q.first.wall.p50)}; asked again ${ms(q.second.cpu.p50)} CPU; repeated ${ms(repeated.cpu.p50)} CPU`,
        baseline: old
          ? `before: CPU p50 ${ms(old.first.cpu.p50)} wall p50 ${ms(old.first.wall.p50)}`
          : beforeRefused
            ? 'n/a (the BENCH_SEARCH_BEFORE build did not start)'
            : 'n/a (BENCH_SEARCH_BEFORE unset)',
        ratio: old ? `${(q.first.cpu.p50 / old.first.cpu.p50).toFixed(2)}×` : 'n/a',
        target: '≤ 1× before',
        met: met(old ? q.first.cpu.p50 <= old.first.cpu.p50 * 1.05 : null),
      });
    });
    rows.push({
      figure: `peak RSS of serve, ${synth.assets.toLocaleString('en')} synthetic assets, searched and every page listed once (VmHWM)`,
      value: mb(memory.hwmKb),
      baseline: 'n/a',
      ratio: 'n/a',
      target: `≤ ${RSS_TARGET_MB} MB`,
      met: met(memory.hwmKb / 1024 <= RSS_TARGET_MB),
    });
    return {
      rows,
      notes: [
        `corpus: ${synth.assets.toLocaleString('en')} synthetic assets in ${synth.folders} folders, ${synth.tags} tags, ${synth.links.toLocaleString('en')} tag links (~${(synth.links / synth.assets).toFixed(1)} per asset), ${synth.duplicates} copies, ${synth.errors} errors, ${synth.missing} missing; rows INSERTed into a real engine database (schema from the engine's migrations via \`catalog add\`), sparse files on disk; built in ${synth.seconds.toFixed(1)} s`,
        `each query: assets.list {offset 0, limit 500, sort name, keywords false, query} as the grid asks, count included; ${ITERATIONS} timed calls after 2 warm-ups, the queries in turn (never one twice in a row: the engine keeps the last count while nothing changes); value = the engine's time from the bridge's Server-Timing header`,
        ...results.map(
          (r) =>
            `${r.what.padEnd(31)} ${JSON.stringify(r.query ?? '').padEnd(52)} engine p50/p95/max ${ms(r.engine.p50)} / ${ms(r.engine.p95)} / ${ms(r.engine.max)}; CPU p50/p95 ${ms(r.cpu.p50)} / ${ms(r.cpu.p95)}; round trip with HTTP + JSON of ${r.items} assets ${ms(r.trip.p50)} / ${ms(r.trip.p95)}; ${r.total.toLocaleString('en')} found`,
        ),
        `baselines on the same file, better-sqlite3 in the bench process: bare page \`SELECT * FROM assets ORDER BY name LIMIT 500\` p50 ${ms(baseline.page.p50)} p95 ${ms(baseline.page.p95)} (ratio = engine p50 / this p50: what searching and counting add to fetching a page); bare \`SELECT count(*) FROM assets\` p50 ${ms(baseline.count.p50)}`,
        `serve's own AI job (\`jobs.wait\` waits for the scan, not for it) analysed ${aiBefore === null || aiAfter === null ? 'n/a' : (aiAfter - aiBefore).toLocaleString('en')} assets during the timed calls, in the same process (its worker's CPU counts in CPU below)`,
        "CPU = the serve process's CPU time during the call (Server-Timing cpu): steadier than wall time on a shared machine",
        `worst engine p95 over the queries: ${ms(worst)} (target ≤ ${TARGET_MS} ms)`,
        `right after an edit (assets.edit: one asset's rating; the sets that read ratings, or all of the assets table, are read again), ${COLD_ITERATIONS} calls of each query: engine p50/p95/max ${ms(cold.p50)} / ${ms(cold.p95)} / ${ms(cold.max)} over all ten; per query p95: ${cold.perQuery.map((q) => `${JSON.stringify(q.query ?? '')} ${ms(q.p95)}`).join(', ')}`,
        `first use: ${FIRST_ROUNDS} rounds; each round, for each query in turn: a commit by another connection (one asset's rating, better-sqlite3 in the bench process: every kept set and count dropped, as a scan in another process does), then the query asked three times: first use, asked again (the list index reads its sets), and a third time; CPU and wall from Server-Timing. ${beforeRefused ? `Baseline build ${BEFORE_CLI} did not start on this file: ${beforeRefused.slice(-200)}` : BEFORE_CLI ? `Baseline: the same rounds against ${BEFORE_CLI} on the same file, after this build's serve stopped` : 'No baseline build (BENCH_SEARCH_BEFORE=/path/to/cli.js of main before this work adds one)'}`,
        ...first.perQuery.map(
          (q, k) =>
            `first use ${JSON.stringify(q.query ?? '').padEnd(52)} CPU p50/p95 ${ms(q.first.cpu.p50)} / ${ms(q.first.cpu.p95)}, wall p50 ${ms(q.first.wall.p50)}; asked again CPU p50 ${ms(q.second.cpu.p50)}; third ${ms(q.third.cpu.p50)}${firstBefore ? `; before: first CPU p50/p95 ${ms(firstBefore.perQuery[k].first.cpu.p50)} / ${ms(firstBefore.perQuery[k].first.cpu.p95)}, wall p50 ${ms(firstBefore.perQuery[k].first.wall.p50)}, again ${ms(firstBefore.perQuery[k].second.cpu.p50)}` : ''}`,
        ),
        `peak RSS: ${memory.listed.toLocaleString('en')} assets listed once in ${memory.pages} pages of 5,000 (sort name, keywords false) after the searches: VmHWM ${mb(memory.hwmKb)}, VmRSS at end ${mb(memory.rssKb)}`,
      ],
    };
  },
};

/** Each query right after an edit: what a search costs while the sets it reads are rebuilt. */
async function afterEdits(serve, runs) {
  const some = (await serve.call('assets.list', { offset: 0, limit: 1, sort: 'name' })).items[0];
  if (!some) throw new BenchError('search: the catalog lists no asset');
  const perQuery = runs.map((run) => ({ query: run.query, engine: [] }));
  for (let i = 0; i < COLD_ITERATIONS; i++)
    for (const [k, run] of runs.entries()) {
      await serve.call('assets.edit', { ids: [some.id], rating: (i + k) % 6 });
      const r = await serve.timedCall('assets.list', run.args);
      perQuery[k].engine.push(r.engineMs);
    }
  return {
    ...stats(perQuery.flatMap((q) => q.engine)),
    perQuery: perQuery.map((q) => ({ query: q.query, ...stats(q.engine) })),
  };
}

/**
 * Each query's first use after every set was dropped (a commit by another connection), then
 * asked again and a third time; the queries in turn, FIRST_ROUNDS rounds.
 */
async function firstUses(serve, runs, dbFile) {
  const some = (await serve.call('assets.list', { offset: 0, limit: 1, sort: 'name' })).items[0];
  if (!some) throw new BenchError('search: the catalog lists no asset');
  const other = new Database(dbFile, { timeout: 10_000 });
  const times = () => ({ cpu: [], wall: [] });
  const perQuery = runs.map((run) => ({
    query: run.query,
    first: times(),
    second: times(),
    third: times(),
  }));
  try {
    const rate = other.prepare('UPDATE assets SET rating = ? WHERE id = ?');
    for (let i = 0; i < FIRST_ROUNDS; i++)
      for (const [k, run] of runs.entries()) {
        rate.run((i + k) % 6, some.id);
        for (const when of ['first', 'second', 'third']) {
          const r = await serve.timedCall('assets.list', run.args);
          perQuery[k][when].cpu.push(r.engineCpuMs ?? NaN);
          perQuery[k][when].wall.push(r.engineMs);
        }
      }
  } finally {
    other.close();
  }
  const summary = (t) => ({ cpu: stats(t.cpu), wall: stats(t.wall) });
  return {
    runs,
    perQuery: perQuery.map((q) => ({
      query: q.query,
      first: summary(q.first),
      second: summary(q.second),
      third: summary(q.third),
    })),
  };
}

/** How many assets serve's live AI jobs have done, or null when none is queued or running. */
async function aiDone(serve) {
  const jobs = await serve.call('jobs.list', { state: ['queued', 'running'] });
  const ai = jobs.filter((j) => j.name === 'ai');
  return ai.length === 0 ? null : ai.reduce((n, j) => n + j.progress.done, 0);
}
