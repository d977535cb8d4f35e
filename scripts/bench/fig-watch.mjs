// 1,000 files copied into a watched folder while Packshot runs: `serve` with a catalog on
// an empty folder, wait until idle, then copy N distinct 800×600 JPEGs into four new
// subfolders with plain fs.copyFile, one after another, as a file manager does. Poll until
// every copied file is listed with state 'ok'. Baseline: vipsthumbnail making thumbnails
// of the same files with the same parallelism.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { watchImages } from './corpus.mjs';
import {
  BenchError,
  hasVips,
  listAll,
  log,
  met,
  now,
  ratio,
  s,
  sleep,
  startServe,
  tmpName,
  vipsthumbnail,
} from './lib.mjs';

const COUNT = Math.max(1, Number(process.env.BENCH_WATCH ?? 1000));
/** With nothing new for this long after the copy, the files still missing are missed. */
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 30);
const SUBFOLDERS = 4;

export default {
  key: 'watch',
  title: 'files copied into a watched folder',
  async run(ctx) {
    log(`watch: generating (or reusing) ${COUNT} 800×600 JPEGs…`);
    const source = await watchImages(COUNT)();
    const names = readdirSync(source.dir).sort();
    const watched = join(ctx.work, `watched-${tmpName()}`);
    mkdirSync(watched);
    const data = join(ctx.work, `data-${tmpName()}`);
    const serve = await startServe(data);
    const notes = [
      `source: ${source.dir} (${names.length} files, ${(source.bytes / 1e6).toFixed(0)} MB); ${source.cached ? 'reused from cache' : `generated in ${source.generatedSeconds.toFixed(1)} s`}`,
    ];
    let result;
    try {
      const catalog = await serve.call('catalogs.add', { path: watched });
      await serve.call('jobs.wait', {});
      // Wait for the watcher to be up, where the engine says so (Catalog.watch).
      let mode = catalog.watch;
      const t = now();
      while (mode === 'off' && now() - t < 15) {
        await sleep(50);
        mode = (await serve.call('catalogs.list', {})).find((c) => c.id === catalog.id)?.watch;
      }
      notes.push(`watch mode before copying: ${mode ?? 'not reported (Catalog.watch absent)'}`);

      log(`watch: copying ${names.length} files into ${watched}…`);
      const expected = new Set();
      const start = now();
      names.forEach((name, i) => {
        const folder = `card-${1 + (i % SUBFOLDERS)}`;
        if (i < SUBFOLDERS) mkdirSync(join(watched, folder));
        copyFileSync(join(source.dir, name), join(watched, folder, name));
        expected.add(`${folder}/${name}`);
      });
      const copied = now() - start;

      let listedAt = null;
      let okAt = null;
      let lastChange = now();
      let last = '';
      let seen = { listed: 0, ok: 0, errors: [], thumbs: 0 };
      while (okAt === null) {
        const { total } = await serve.call('assets.list', { offset: 0, limit: 1 });
        const status = await serve.call('jobs.status', {});
        if (total >= expected.size && listedAt === null) listedAt = now() - start;
        if (total >= expected.size && !status.running) {
          const { items } = await listAll(serve, { catalogId: catalog.id });
          const ours = items.filter((a) => expected.has(a.relPath));
          seen = {
            listed: ours.length,
            ok: ours.filter((a) => a.state === 'ok').length,
            thumbs: ours.filter((a) => a.thumb === 'ready').length,
            errors: ours.filter((a) => a.state === 'error').map((a) => `${a.relPath}: ${a.error}`),
          };
          if (seen.ok === expected.size) okAt = now() - start;
        } else {
          seen = { ...seen, listed: Math.min(total, expected.size) };
        }
        const state = `${total}/${status.done}/${status.total}/${status.running}/${seen.ok}`;
        if (state !== last) {
          last = state;
          lastChange = now();
        }
        if (okAt === null && now() - lastChange > SETTLE_S) break;
        if (okAt === null) await sleep(total >= expected.size ? 200 : 50);
      }
      if (okAt === null) {
        const { items } = await listAll(serve, { catalogId: catalog.id });
        const ours = items.filter((a) => expected.has(a.relPath));
        seen = {
          listed: ours.length,
          ok: ours.filter((a) => a.state === 'ok').length,
          thumbs: ours.filter((a) => a.thumb === 'ready').length,
          errors: ours.filter((a) => a.state === 'error').map((a) => `${a.relPath}: ${a.error}`),
        };
      }
      notes.push(
        `copied ${names.length} files in ${s(copied)}; all listed after ${listedAt === null ? 'never' : s(listedAt)}; all ok after ${okAt === null ? `never (nothing changed for ${SETTLE_S} s)` : s(okAt)}; listed ${seen.listed}, ok ${seen.ok}, thumbnails ready ${seen.thumbs}, errors ${seen.errors.length}${seen.errors.length ? `: ${seen.errors.slice(0, 3).join('; ')}` : ''}`,
      );
      result = { okAt, seen };
    } finally {
      await serve.stop();
      rmSync(data, { recursive: true, force: true });
      rmSync(watched, { recursive: true, force: true });
    }

    let vips = null;
    if (hasVips) {
      log(`watch: vipsthumbnail baseline on the same ${names.length} files…`);
      vips = vipsthumbnail(
        names.map((n) => join(source.dir, n)),
        ctx.work,
      );
    }
    const missed = COUNT - result.seen.ok;
    const rows = [
      {
        figure: `${COUNT} files copied into a watched folder: indexed ok`,
        value: `${result.seen.ok} of ${COUNT}`,
        baseline: '—',
        ratio: '—',
        target: `all ${COUNT}, none missed`,
        met: met(missed === 0),
      },
      {
        figure: '  time from first copy to all indexed',
        value: result.okAt === null ? `never (${missed} missed)` : s(result.okAt),
        baseline: hasVips ? `vipsthumbnail ${s(vips)}` : 'vipsthumbnail not installed',
        ratio: result.okAt === null ? 'n/a' : ratio(result.okAt, vips),
        target: '—',
        met: '—',
      },
    ];
    if (result.seen.ok === 0 && result.seen.listed === 0) {
      throw Object.assign(
        new BenchError(
          `none of the ${COUNT} copied files appeared in assets.list (nothing changed for ${SETTLE_S} s): the engine does not watch catalog folders yet`,
        ),
        { rows, notes },
      );
    }
    if (missed > 0) {
      ctx.failures.push(
        `watch: ${missed} of ${COUNT} copied files were never indexed with state 'ok' (listed ${result.seen.listed}, errors ${result.seen.errors.length})`,
      );
    }
    return { rows, notes };
  },
};
