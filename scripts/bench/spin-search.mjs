// What hiding spin frames costs the grid's search (issue #15): the count and the first page
// of 500 in name order, for a few queries over the synthetic 100,000-asset catalog
// (synthetic-100k.mjs), timed three ways on one SQLite file: without the frame exclusion
// (as before spins), with it and no spins, with it and 1,000 spins of 36 frames (35,000
// frames hidden), and 50 spins. The exclusion and the count (unfiltered: all less the hidden
// frames) are asset-query.ts's and AssetQueryRepo.count's, copied here (keep both alike); kind:spin is compile-query.ts's SPIN_COVERS.
//   node scripts/bench/spin-search.mjs   (BENCH_SYNTH=N for another size)
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSynthetic100k } from './synthetic-100k.mjs';
import { now } from './lib.mjs';
import { stats } from './fig-search.mjs';

const HIDDEN_SET = `SELECT f.asset_id FROM spin_frames f
  JOIN spins s ON s.id = f.spin_id WHERE f.asset_id != s.cover_asset_id`;
const HIDDEN_FRAMES = `+a.id NOT IN (${HIDDEN_SET})`;
const HIDDEN_COUNT = `SELECT count(*) AS n FROM (${HIDDEN_SET})`;
const ITERATIONS = 15;
const QUERIES = [
  ['no query', '1', []],
  ['rating and flag', '+a.rating >= 4 AND +a.flag = ?', ['pick']],
  [
    'tag (set)',
    `+a.id IN (SELECT at.asset_id FROM asset_tags at WHERE at.tag_id IN (SELECT t.id FROM tags t WHERE lower(t.path) LIKE ?))`,
    ['%footwear%'],
  ],
  ['kind:spin', '+a.id IN (SELECT cover_asset_id FROM spins)', []],
];

const dir = mkdtempSync(join(tmpdir(), 'packshot-spin-bench-'));
try {
  const synth = await buildSynthetic100k(dir);
  const db = new Database(join(synth.data ?? join(dir, 'data'), 'packshot.db'));
  const time = (base, params, hide) => {
    const where = hide ? `${base} AND ${HIDDEN_FRAMES}` : base;
    const all = db.prepare(`SELECT count(*) AS n FROM assets a WHERE ${base}`);
    const hidden = db.prepare(HIDDEN_COUNT);
    // As AssetQueryRepo.count: unfiltered, all less the hidden frames; else the probe.
    const count = {
      get: (...p) =>
        base === '1' && hide
          ? { n: all.get(...p).n - hidden.get().n }
          : db.prepare(`SELECT count(*) AS n FROM assets a WHERE ${where}`).get(...p),
    };
    const page = db.prepare(
      `SELECT a.* FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE ${where}
       ORDER BY a.name COLLATE NOCASE, a.id LIMIT 500`,
    );
    const counts = [];
    const pages = [];
    let n = 0;
    for (let i = 0; i < ITERATIONS + 2; i++) {
      const t = now();
      n = count.get(...params).n;
      const t2 = now();
      page.all(...params);
      if (i >= 2) {
        counts.push((t2 - t) * 1000);
        pages.push((now() - t2) * 1000);
      }
    }
    return { n, count: stats(counts), page: stats(pages) };
  };
  const row = (label, r) =>
    `${label.padEnd(18)} ${String(r.n).padStart(7)} found  count p50 ${r.count.p50.toFixed(1)} ms (p95 ${r.count.p95.toFixed(1)})  page p50 ${r.page.p50.toFixed(1)} ms (p95 ${r.page.p95.toFixed(1)})`;
  const runAll = (title, hide) => {
    console.log(`\n${title}`);
    for (const [what, where, params] of QUERIES) console.log(row(what, time(where, params, hide)));
  };
  runAll('before spins (no exclusion)', false);
  runAll('with the exclusion, no spins', true);
  const ids = db.prepare('SELECT id FROM assets ORDER BY id LIMIT 36000').pluck().all();
  let made = 0;
  const addSpins = (upTo) =>
    db.transaction(() => {
      const spin = db.prepare(
        'INSERT INTO spins (name, created_at, source, cover_asset_id) VALUES (?, ?, NULL, ?)',
      );
      const insert = db.prepare(
        'INSERT INTO spin_frames (asset_id, spin_id, position) VALUES (?, ?, ?)',
      );
      for (; made < upTo; made++) {
        const frames = ids.slice(made * 36, made * 36 + 36);
        const id = spin.run(`spin ${made}`, Date.now(), frames[0]).lastInsertRowid;
        frames.forEach((f, i) => insert.run(f, id, i));
      }
    })();
  addSpins(50);
  runAll('with the exclusion, 50 spins × 36 frames (1,750 hidden)', true);
  addSpins(1000);
  runAll('with the exclusion, 1,000 spins × 36 frames (35,000 hidden)', true);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
