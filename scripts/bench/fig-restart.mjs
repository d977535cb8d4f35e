// Restart over N (default 100,000) unchanged small images: index the tree once (catalog add
// + scan, the cold figure), then time `scan --json` again: a process start plus the
// reconciliation the app does on start. Baseline: a bare fs.promises readdir + stat walk
// of the same tree in this process (and `find -printf` for context). Runs alternate.
import {
  BenchError,
  hasGnuTime,
  log,
  mb,
  median,
  met,
  now,
  packshot,
  parseScan,
  ratio,
  RUNS,
  s,
  timed,
  walkAndStat,
  walkAndStatSync,
} from './lib.mjs';

const TARGET = 3;

export default {
  key: 'restart',
  title: 'restart over unchanged files',
  async run(ctx) {
    const big = await ctx.indexed100k();
    const { tree } = big;
    const restarts = [];
    const walks = [];
    const finds = [];
    const syncWalks = [];
    for (let i = 0; i < RUNS; i++) {
      log(`restart over ${tree.files} files: run ${i + 1} of ${RUNS}`);
      const run = packshot(big.data, ['scan', '--json']);
      const summary = parseScan(run.stdout, 'restart');
      if (summary.assets !== tree.files) {
        throw new BenchError(`restart: scan lists ${summary.assets} assets of ${tree.files} files`);
      }
      restarts.push({
        seconds: run.seconds,
        rendered: summary.rendered,
        maxRssKb: run.maxRssKb,
        engineSeconds: summary.seconds,
      });

      const t = now();
      const walk = await walkAndStat(tree.dir);
      walks.push(now() - t);
      if (walk.files !== tree.files)
        throw new BenchError(`baseline walk saw ${walk.files} of ${tree.files} files`);

      const ts = now();
      walkAndStatSync(tree.dir);
      syncWalks.push(now() - ts);

      const f = timed('sh', [
        '-c',
        `find "$1" -type f -printf '%s %T@\\n' | wc -l`,
        'sh',
        tree.dir,
      ]);
      finds.push(f.seconds);
    }
    const nodeStart = median(
      Array.from({ length: 3 }, () => timed(process.execPath, ['-e', '0']).seconds),
    );
    const r = median(restarts.map((x) => x.seconds));
    const w = median(walks);
    ctx.walkSeconds = w;
    const rendered = restarts.map((x) => x.rendered);
    const renderedKnown = rendered.every((x) => typeof x === 'number');
    const renderedMax = renderedKnown ? Math.max(...rendered) : null;
    const rssMax = restarts.every((x) => x.maxRssKb)
      ? Math.max(...restarts.map((x) => x.maxRssKb))
      : null;
    const n = tree.files.toLocaleString('en');
    return {
      rows: [
        {
          figure: `cold index of ${n} small images (catalog add + scan)${big.cold.reused ? ' [reused]' : ''}`,
          value: `${s(big.cold.seconds, 1)} (${(tree.files / big.cold.seconds).toFixed(0)} files/s)`,
          baseline: '—',
          ratio: '—',
          target: '—',
          met: '—',
        },
        {
          figure: `restart over ${n} unchanged files (scan --json)`,
          value: s(r),
          baseline: `readdir+stat walk ${s(w)}`,
          ratio: ratio(r, w),
          target: `≤ ${TARGET}× walk`,
          met: met(r / w <= TARGET),
        },
        {
          figure: '  thumbnails rendered by the restart',
          value: renderedKnown ? String(renderedMax) : 'n/a (scan --json has no "rendered")',
          baseline: '—',
          ratio: '—',
          target: '0',
          met: met(renderedKnown ? renderedMax === 0 : null),
        },
        {
          figure: '  peak RSS of the restart `scan` process',
          value: mb(rssMax),
          baseline: '—',
          ratio: '—',
          target: '—',
          met: '—',
        },
        {
          figure: '  peak RSS of the cold `scan` process',
          value: mb(big.cold.maxRssKb),
          baseline: '—',
          ratio: '—',
          target: '—',
          met: '—',
        },
      ],
      notes: [
        `tree: ${tree.dir} (${n} files in ${tree.folders} folders, ${(tree.bytes / 1e6).toFixed(0)} MB); ${tree.cached ? 'reused from cache' : `generated in ${tree.generatedSeconds.toFixed(1)} s`}`,
        `cold index${big.cold.reused ? ` (REUSED from ${big.cold.reused}, measured ${big.cold.measuredAt})` : ''}: catalog add ${big.cold.addSeconds.toFixed(2)} s + scan ${big.cold.scanSeconds.toFixed(2)} s; scan --json said ${JSON.stringify(big.cold.summary)}`,
        `restart runs (s): ${restarts.map((x) => x.seconds.toFixed(2)).join(', ')} (engine's own "seconds": ${restarts.map((x) => x.engineSeconds).join(', ')}); rendered: ${rendered.map((x) => x ?? 'n/a').join(', ')}`,
        `baseline fs.promises readdir+stat walk (s): ${walks.map((x) => x.toFixed(2)).join(', ')}; for context: readdirSync+statSync walk ${syncWalks.map((x) => x.toFixed(2)).join(', ')} s (restart = ${ratio(r, median(syncWalks))} of it), find -type f -printf size,mtime ${finds.map((x) => x.toFixed(2)).join(', ')} s (restart = ${ratio(r, median(finds))}); bare \`node -e 0\` start: ${nodeStart.toFixed(3)} s`,
        hasGnuTime
          ? 'peak RSS of scan processes from /usr/bin/time -v'
          : 'peak RSS of scan processes: n/a (install the `time` package)',
      ],
    };
  },
};
