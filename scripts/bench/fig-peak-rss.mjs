// Peak RSS of the engine with N (default 100,000) assets indexed: `serve` on the data dir
// the restart figure indexed, wait until idle (its reconciliation on start), page through
// every asset as the grid does (assets.list, 5000 a page), ask for the folder tree
// (folders.list), then read VmHWM from /proc/<pid>/status. Starting serve on that data
// dir is also the app's own restart: its time to idle and the thumbnails it rendered
// (jobs.wait's `rendered`) are a second restart figure, against the restart's walk.
import {
  BenchError,
  listAll,
  log,
  mb,
  met,
  now,
  ratio,
  s,
  startServe,
  walkAndStat,
} from './lib.mjs';

const TARGET_MB = 400;
const RESTART_TARGET = 3;

export default {
  key: 'rss',
  title: 'peak RSS with the big tree indexed',
  async run(ctx) {
    const big = await ctx.indexed100k();
    log(`peak RSS: serve over ${big.tree.files} indexed assets…`);
    const serve = await startServe(big.data);
    const notes = [];
    try {
      const t0 = now();
      const idle = await serve.call('jobs.wait', {});
      const idleSeconds = now() - t0;
      const restartSeconds = serve.startSeconds + idleSeconds;
      const afterStart = serve.memory();

      const t1 = now();
      const all = await listAll(serve);
      const pageSeconds = now() - t1;
      if (all.items.length !== big.tree.files) {
        throw new BenchError(
          `peak RSS: paged ${all.items.length} assets of ${big.tree.files} (total said ${all.total})`,
        );
      }
      // Sorted differently too, as a user switching the grid's sort would.
      const t2 = now();
      await listAll(serve, { sort: 'size' });
      const sortSeconds = now() - t2;

      let folders = 'n/a';
      try {
        const t3 = now();
        const list = await serve.call('folders.list', {});
        folders = `${list.length} folders in ${s(now() - t3, 3)}`;
      } catch (error) {
        folders = `not available (${error.message})`;
      }
      const end = serve.memory();
      if (!end.hwmKb) throw new BenchError('peak RSS: /proc/<pid>/status has no VmHWM');
      notes.push(
        `serve: listening after ${s(serve.startSeconds)}, idle after a further ${s(idleSeconds)} (jobs.wait said ${JSON.stringify(idle)}); VmRSS then ${mb(afterStart.rssKb)}, VmHWM ${mb(afterStart.hwmKb)}`,
        `paged ${all.items.length} assets by name in ${all.pages} pages in ${s(pageSeconds)}, by size in ${s(sortSeconds)}; folders.list: ${folders}; VmRSS at end ${mb(end.rssKb)}`,
      );
      if (ctx.walkSeconds === undefined) {
        const t4 = now();
        await walkAndStat(big.tree.dir);
        ctx.walkSeconds = now() - t4;
      }
      const rendered = typeof idle.rendered === 'number' ? idle.rendered : null;
      return {
        rows: [
          {
            figure: `app restart over ${big.tree.files.toLocaleString('en')} unchanged files (serve → idle)`,
            value: `${s(restartSeconds)}, rendered ${rendered ?? 'n/a'}`,
            baseline: `readdir+stat walk ${s(ctx.walkSeconds)}`,
            ratio: ratio(restartSeconds, ctx.walkSeconds),
            target: `≤ ${RESTART_TARGET}× walk, rendered 0`,
            met: met(
              rendered === null
                ? null
                : restartSeconds / ctx.walkSeconds <= RESTART_TARGET && rendered === 0,
            ),
          },
          {
            figure: `peak RSS of serve, ${big.tree.files.toLocaleString('en')} assets, all paged (VmHWM)`,
            value: mb(end.hwmKb),
            baseline: '—',
            ratio: '—',
            target: `≤ ${TARGET_MB} MB`,
            met: met(end.hwmKb / 1024 <= TARGET_MB),
          },
        ],
        notes,
      };
    } finally {
      await serve.stop();
    }
  },
};
