// Whether V8's heap growing factor, set at run time with v8.setFlagsFromString (as
// hosts/cli/lean-heap.ts does for serve and the Electron main process, after the process has
// started and loaded its modules), takes effect: the same paging workload (600,000 small
// objects live, pages of 20,000 row objects each held for a few pages, then dropped) in two
// child processes, one with the flag set once it runs, one without. Prints each one's peak
// heap and peak RSS.
//
//   node scripts/bench/heap-flag-check.mjs [--pages N]
import { spawnSync } from 'node:child_process';
import { takeOption } from './lib.mjs';

const args = process.argv.slice(2);
const pages = Number(takeOption(args, '--pages', '150'));

const child = (lean) => `
const v8 = require('node:v8');
${lean ? "v8.setFlagsFromString('--heap-growing-percent=50');" : ''}
const live = Array.from({ length: 600000 }, (_, i) => ({ id: i, name: 'asset-' + i, tags: ['a' + (i % 97), 'b' + (i % 31)] }));
let peakHeap = 0;
const kept = [];
for (let p = 0; p < ${pages}; p++) {
  const page = [];
  for (let i = 0; i < 20000; i++) page.push({ id: i, name: 'row-' + p + '-' + i, keywords: JSON.stringify(live[(p * 20000 + i) % live.length]) });
  kept.push(page); // held a while, as a page is across awaits: it reaches the old space
  if (kept.length > 4) kept.shift();
  const text = JSON.stringify(page);
  if (text.length === 0) throw new Error();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapTotal);
}
process.stdout.write(JSON.stringify({ peakHeapMb: peakHeap / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, live: live.length }));
`;

for (const lean of [false, true, false, true]) {
  const run = spawnSync(process.execPath, ['-e', child(lean)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout);
  process.stdout.write(
    `${lean ? 'flag set at run time' : 'default           '}: peak heap ${r.peakHeapMb.toFixed(0)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB, CPU ${r.cpuMs.toFixed(0)} ms\n`,
  );
}
