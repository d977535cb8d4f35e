// Tagging 10,000 selected assets in one step, over the synthetic 100,000-asset catalog, as
// the UI calls it: tags.apply with 10,000 ids (a new tag, and one a share of them already
// have), edits.undo of it, and tags.remove of the same selection (and its undo), through
// `serve`'s HTTP bridge. The figure is the engine's own time (Server-Timing); each step is
// checked with a search for the tag. Baseline, same run, same SQLite file: inserting the
// 10,000 (asset, tag) rows alone in one transaction (rolled back), with better-sqlite3.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { stats } from './fig-search.mjs';
import { BenchError, log, met, now, startServe } from './lib.mjs';

const TARGET_MS = 300;
const SELECTED = 10_000;
const RUNS = Math.max(3, Number(process.env.BENCH_TAG_RUNS ?? 5));
const ms = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(0)} ms`);

function insertBaseline(dbFile, ids) {
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 5000');
  try {
    const newTag = db.prepare(
      "INSERT INTO tags (parent_id, name, path) VALUES (0, 'bench baseline', 'bench baseline')",
    );
    const insert = db.prepare(
      "INSERT INTO asset_tags (asset_id, tag_id, source) VALUES (?, ?, 'user')",
    );
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t = now();
      db.exec('BEGIN IMMEDIATE');
      const tag = newTag.run().lastInsertRowid;
      for (const id of ids) insert.run(id, tag);
      db.exec('ROLLBACK');
      times.push((now() - t) * 1000);
    }
    return stats(times);
  } finally {
    db.close();
  }
}

export default {
  key: 'tagging',
  title: 'tagging 10,000 selected assets',
  async run(ctx) {
    const synth = await ctx.synthetic100k();
    // A selection spread over the catalog: every tenth asset.
    const step = Math.max(1, Math.floor(synth.assets / SELECTED));
    const ids = Array.from({ length: Math.min(SELECTED, synth.assets) }, (_, i) => 1 + i * step);
    const serve = await startServe(synth.data);
    const times = { apply: [], undoApply: [], applyExisting: [], remove: [], undoRemove: [] };
    let baseline;
    let existingHad = null;
    try {
      await serve.call('jobs.wait', {});
      const found = async (path) =>
        (await serve.call('assets.list', { query: `tag:"${path}"`, limit: 1 })).total;
      const existing = 'Shot|Front';
      const tag = (await serve.call('tags.list', {})).find((t) => t.path === existing);
      if (!tag) throw new BenchError(`the synthetic catalog has no tag ${existing}`);
      for (let run = 0; run < RUNS; run++) {
        log(`tagging ${ids.length} assets: run ${run + 1} of ${RUNS}`);
        const path = `Bench|Batch ${run + 1}`;
        const timed = async (key, method, args, expectChanged) => {
          const r = await serve.timedCall(method, args);
          if (r.engineMs === null) throw new BenchError('serve sent no Server-Timing header');
          if (expectChanged !== undefined && r.result.changed !== expectChanged)
            throw new BenchError(
              `${method}: changed ${r.result.changed}, expected ${expectChanged}`,
            );
          times[key].push(r.engineMs);
          return r.result;
        };
        await timed('apply', 'tags.apply', { ids, path }, ids.length);
        if ((await found(path)) !== ids.length)
          throw new BenchError(`after tags.apply, tag:"${path}" does not find ${ids.length}`);
        await timed('undoApply', 'edits.undo', {}, ids.length);
        if ((await found(path)) !== 0)
          throw new BenchError(`after undo, tag:"${path}" still finds assets`);

        const before = await found(existing);
        const applied = await timed('applyExisting', 'tags.apply', { ids, path: existing });
        existingHad = ids.length - applied.changed;
        await timed('remove', 'tags.remove', { ids, tagId: tag.id }, ids.length);
        await timed('undoRemove', 'edits.undo', {}, ids.length);
        await serve.call('edits.undo', {}); // and the apply before it: back as it was
        if ((await found(existing)) !== before)
          throw new BenchError(`undo did not restore tag ${existing} (${before} assets)`);
      }
      baseline = insertBaseline(join(synth.data, 'packshot.db'), ids);
    } finally {
      await serve.stop();
    }
    const row = (figure, values) => {
      const s = stats(values);
      return {
        figure,
        value: `p50 ${ms(s.p50)} max ${ms(s.max)}`,
        baseline: `bare INSERT ${ms(baseline.p50)}`,
        ratio: `${(s.p50 / baseline.p50).toFixed(1)}×`,
        target: `≤ ${TARGET_MS} ms`,
        met: met(s.max <= TARGET_MS),
      };
    };
    return {
      rows: [
        row(`tags.apply, ${ids.length.toLocaleString('en')} ids, new tag`, times.apply),
        row('  edits.undo of it', times.undoApply),
        row(`tags.apply, a tag ${existingHad} of them had`, times.applyExisting),
        row(`tags.remove, ${ids.length.toLocaleString('en')} ids`, times.remove),
        row('  edits.undo of it', times.undoRemove),
      ],
      notes: [
        `${ids.length.toLocaleString('en')} ids (every ${step}th asset) over the synthetic ${synth.assets.toLocaleString('en')}-asset catalog, through serve's HTTP bridge as the UI calls it; value = the engine's time (Server-Timing), ${RUNS} runs, met = the slowest run within target`,
        `each step is one undoable edit: the links and the edit-log entry (schema v13: no per-asset keywords copy or full-text re-index; the WAL checkpoint runs after the reply); checked by searching for the tag after each`,
        ...Object.entries(times).map(
          ([k, v]) => `${k}: ${v.map((x) => x.toFixed(0)).join(', ')} ms`,
        ),
        `baseline: INSERT of the ${ids.length.toLocaleString('en')} (asset, tag) rows alone, one transaction, rolled back, better-sqlite3 on the same file: p50 ${ms(baseline.p50)}`,
      ],
    };
  },
};
