// Cold scan: `packshot catalog add` + `packshot scan` into a fresh data dir, until every
// grid thumbnail is ready, against vipsthumbnail making the same 320 px WebP thumbnails
// of the same files with the same parallelism (xargs -P cores). Runs alternate so machine
// noise falls on both alike; medians are shown.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  BenchError,
  cores,
  hasVips,
  log,
  median,
  met,
  packshot,
  parseScan,
  ratio,
  RUNS,
  s,
  tmpName,
  vipsthumbnail,
} from './lib.mjs';

const TARGET = 1.3;

function packshotScan(work, dir, expected) {
  const data = join(work, `data-${tmpName()}`);
  const add = packshot(data, ['catalog', 'add', dir]);
  const scanRun = packshot(data, ['scan', '--json']);
  const scan = parseScan(scanRun.stdout, 'cold scan');
  rmSync(data, { recursive: true, force: true });
  if (scan.assets !== expected)
    throw new BenchError(`cold scan indexed ${scan.assets} of ${expected} files`);
  return add.seconds + scanRun.seconds;
}

function compare(ctx, label, dir, corpus) {
  const files = readdirSync(dir).map((name) => join(dir, name));
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`cold scan, ${label}: run ${i + 1} of ${RUNS}`);
    ours.push(packshotScan(ctx.work, dir, corpus.files));
    if (hasVips) theirs.push(vipsthumbnail(files, ctx.work));
  }
  const o = median(ours);
  const v = hasVips ? median(theirs) : null;
  const megabytes = corpus.bytes / 1e6;
  return {
    row: {
      figure: `cold scan, ${label} (${corpus.files} files, ${corpus.unique} distinct, ${megabytes.toFixed(0)} MB)`,
      value: `${s(o)} (${(corpus.files / o).toFixed(1)} files/s)`,
      baseline: hasVips ? `vipsthumbnail ${s(v)}` : 'vipsthumbnail not installed',
      ratio: ratio(o, v),
      target: `≤ ${TARGET}× vipsthumbnail`,
      met: met(v ? o / v <= TARGET : null),
    },
    note: `cold scan, ${label}: packshot ${ours.map((x) => x.toFixed(2)).join(', ')} s; vipsthumbnail ${theirs.map((x) => x.toFixed(2)).join(', ') || '-'} s`,
  };
}

export default {
  key: 'scan',
  title: 'cold scan vs vipsthumbnail',
  async run(ctx) {
    const photos = await ctx.photos();
    const a = compare(ctx, 'as shipped', photos.allDir, photos.all);
    const b = compare(ctx, 'one file per content', photos.distinctDir, photos.distinct);
    return {
      rows: [a.row, b.row],
      notes: [
        `${photos.all.name}; parallelism ${cores}; ${RUNS} runs each, median shown`,
        a.note,
        b.note,
      ],
    };
  },
};
