// The search language's rights terms over the synthetic catalog the search figure uses
// (synthetic-100k.mjs), on a copy of its data dir given rights as a real library has them:
// ~200 licences (some expired, some expiring, some without an end) held by ~30 % of the
// assets (a tenth of those hold two), and approval decisions on ~20 % (approved, rejected,
// in review, and some only on an older content: in review too). Each query is asked as the
// grid asks it (assets.list, offset 0, limit 500, sort name, no keywords, count included) through
// `serve`'s HTTP bridge; the figure is the engine's own time (Server-Timing).
// Baseline, same run, same copy: the same call with no rights term (no query at all).
import Database from 'better-sqlite3';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stats } from './fig-search.mjs';
import { BenchError, log, met, now, startServe } from './lib.mjs';

const TARGET_MS = 15;
const ITERATIONS = Math.max(5, Number(process.env.BENCH_SEARCH_ITER ?? 25));
const LICENCES = 200;
const LICENSED_SHARE = 0.3;
const APPROVED_SHARE = 0.2;

const licenceName = (n) => `Shoot ${String(n).padStart(4, '0')}`;

export const RIGHTS_QUERIES = [
  ['no rights term (baseline)', undefined],
  ['a licence has ended', 'rights:expired'],
  ['a licence ends soon', 'rights:expiring'],
  ['no licence', 'rights:none'],
  ['by licence name', `licence:"${licenceName(42).toLowerCase()}"`],
  ['approved', 'approval:approved'],
  ['in review', 'approval:in-review'],
];

const ms = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(1)} ms`);

/** A seeded generator (mulberry32): the same rights on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Local 'YYYY-MM-DD', n days from today: licence dates are the user's days. */
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Writes licences, links and approvals into the copy; returns what it wrote. */
function addRights(dbFile) {
  const random = seeded(14);
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
    const assets = db
      .prepare("SELECT id, hash FROM assets WHERE hash IS NOT NULL AND state = 'ok'")
      .all();
    const insertLicence = db.prepare(
      `INSERT INTO licences (id, name, licensor, type, ends_on, warn_days, created_at)
       VALUES (?, ?, ?, ?, ?, 30, ?)`,
    );
    const link = db.prepare(
      'INSERT OR IGNORE INTO asset_licences (asset_id, licence_id) VALUES (?, ?)',
    );
    const decide = db.prepare(
      'INSERT INTO approvals (asset_id, hash, state, who, at, comment) VALUES (?, ?, ?, ?, ?, NULL)',
    );
    const facts = {
      licences: { expired: 0, expiring: 0, dated: 0, open: 0 },
      licensed: 0,
      links: 0,
      decided: 0,
    };
    db.transaction(() => {
      for (let id = 1; id <= LICENCES; id++) {
        // 15 % ended, 10 % end within their 30-day warning, half end later, the rest never.
        const r = random();
        const kind = r < 0.15 ? 'expired' : r < 0.25 ? 'expiring' : r < 0.75 ? 'dated' : 'open';
        facts.licences[kind]++;
        const endsOn =
          kind === 'expired'
            ? day(-1 - Math.floor(random() * 400))
            : kind === 'expiring'
              ? day(Math.floor(random() * 28))
              : kind === 'dated'
                ? day(60 + Math.floor(random() * 900))
                : null;
        insertLicence.run(
          id,
          licenceName(id),
          `Studio ${id % 17}`,
          'rights-managed',
          endsOn,
          Date.now(),
        );
      }
      const at = Date.now();
      for (const a of assets) {
        if (random() < LICENSED_SHARE) {
          facts.licensed++;
          const holds = random() < 0.1 ? 2 : 1;
          for (let k = 0; k < holds; k++)
            facts.links += link.run(a.id, 1 + Math.floor(random() * LICENCES)).changes;
        }
        if (random() < APPROVED_SHARE) {
          facts.decided++;
          const r = random();
          if (r < 0.1)
            decide.run(a.id, '0'.repeat(64), 'approved', 'Rita', at); // older content
          else
            decide.run(
              a.id,
              a.hash,
              r < 0.65 ? 'approved' : r < 0.75 ? 'rejected' : 'in-review',
              'Rita',
              at,
            );
        }
      }
    })();
    return { ...facts, assets: assets.length };
  } finally {
    db.close();
  }
}

export default {
  key: 'rights',
  title: 'rights search terms over the synthetic catalog',
  async run(ctx) {
    const synth = await ctx.synthetic100k();
    const data = join(ctx.work, 'rights-search-data');
    rmSync(data, { recursive: true, force: true });
    cpSync(synth.data, data, { recursive: true });
    const t0 = now();
    const facts = addRights(join(data, 'packshot.db'));
    const rightsSeconds = now() - t0;
    const serve = await startServe(data);
    const results = [];
    try {
      await serve.call('jobs.wait', {});
      for (const [what, query] of RIGHTS_QUERIES) {
        const args = {
          offset: 0,
          limit: 500,
          sort: 'name',
          keywords: false, // as the grid asks (listArgs): it shows none
          ...(query ? { query } : {}),
        };
        const engine = [];
        const cpu = [];
        let total = 0;
        for (let i = 0; i < ITERATIONS + 2; i++) {
          const r = await serve.timedCall('assets.list', args);
          total = r.result.total;
          if (i < 2) continue; // warm-up: statement compile, page cache
          if (r.engineMs === null) throw new BenchError('serve sent no Server-Timing header');
          engine.push(r.engineMs);
          cpu.push(r.engineCpuMs ?? NaN);
        }
        results.push({ what, query, total, engine: stats(engine), cpu: stats(cpu) });
        log(
          `rights search ${JSON.stringify(query ?? '')}: ${total} found, engine p50 ${ms(stats(engine).p50)} p95 ${ms(stats(engine).p95)}`,
        );
      }
    } finally {
      await serve.stop();
      rmSync(data, { recursive: true, force: true });
    }
    const [baseline, ...terms] = results;
    if (terms.some((r) => r.total === 0))
      throw new BenchError('a rights term found nothing: the synthetic rights did not land');
    const rows = terms.map((r) => ({
      figure: `search ${JSON.stringify(r.query)}`,
      value: `p50 ${ms(r.engine.p50)} p95 ${ms(r.engine.p95)} max ${ms(r.engine.max)} (${r.total.toLocaleString('en')} found)`,
      baseline: `no term ${ms(baseline.engine.p50)}`,
      ratio: `${(r.engine.p50 / baseline.engine.p50).toFixed(1)}×`,
      target: `p95 ≤ ${TARGET_MS} ms`,
      met: met(r.engine.p95 <= TARGET_MS),
    }));
    const l = facts.licences;
    return {
      rows,
      notes: [
        `library: the search figure's ${synth.assets.toLocaleString('en')} synthetic assets, copied; ${LICENCES} licences (${l.expired} ended, ${l.expiring} ending within their 30-day warning, ${l.dated} ending later, ${l.open} with no end) held by ${facts.licensed.toLocaleString('en')} of ${facts.assets.toLocaleString('en')} indexed assets (${facts.links.toLocaleString('en')} links), approval decisions on ${facts.decided.toLocaleString('en')} (a tenth only on an older content); written in ${rightsSeconds.toFixed(1)} s`,
        `each query: assets.list {offset 0, limit 500, sort name, keywords false, query} as the grid asks, count included; ${ITERATIONS} timed calls after 2 warm-ups; value = the engine's time from the bridge's Server-Timing header; baseline = the same call with no query on the same copy`,
        ...results.map(
          (r) =>
            `${r.what.padEnd(26)} ${JSON.stringify(r.query ?? '').padEnd(22)} engine p50/p95/max ${ms(r.engine.p50)} / ${ms(r.engine.p95)} / ${ms(r.engine.max)}; CPU p50/p95 ${ms(r.cpu.p50)} / ${ms(r.cpu.p95)}; ${r.total.toLocaleString('en')} found`,
        ),
      ],
    };
  },
};
