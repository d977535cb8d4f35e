// The N-file tree (default 100,000; BENCH_100K) and one data dir with it indexed, shared by
// the restart and peak-RSS figures within one bench run.
//
// BENCH_REUSE_INDEX=1 keeps a copy of the indexed data dir under the OS temp folder, keyed
// by a fingerprint of the built engine (the folder of the CLI benched) and the tree, and reuses it while the
// build is unchanged: for re-running restart/rss without a long cold index. The cold figure
// is then the one measured when the copy was made, and says so.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { smallImageTree } from './corpus.mjs';
import { BenchError, cli, filesBelow, log, packshot, parseScan } from './lib.mjs';

export const COUNT = Math.max(1000, Number(process.env.BENCH_100K ?? 100_000));
const REUSE = process.env.BENCH_REUSE_INDEX === '1';

function buildFingerprint() {
  const hash = createHash('sha256');
  for (const file of filesBelow(dirname(cli))) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export async function indexTree(work) {
  const started = Date.now();
  log(`generating (or reusing) ${COUNT.toLocaleString('en')} small images…`);
  const tree = await smallImageTree(COUNT)();
  log(
    tree.cached
      ? `reusing ${tree.dir}`
      : `generated ${tree.files} images in ${tree.generatedSeconds.toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const data = join(work, 'data-100k');
  const kept = REUSE ? join(tmpdir(), `packshot-bench-index-${COUNT}-${buildFingerprint()}`) : null;
  if (kept && existsSync(join(kept, 'cold.json'))) {
    log(`reusing the indexed data dir ${kept} (BENCH_REUSE_INDEX=1, same build)`);
    cpSync(join(kept, 'data'), data, { recursive: true });
    const cold = JSON.parse(readFileSync(join(kept, 'cold.json'), 'utf8'));
    return { tree, data, cold: { ...cold, reused: kept } };
  }

  log(`indexing ${tree.files} images cold (catalog add + scan)…`);
  const add = packshot(data, ['catalog', 'add', tree.dir]);
  const scan = packshot(data, ['scan', '--json']);
  const summary = parseScan(scan.stdout, 'cold index of the big tree');
  if (summary.assets !== tree.files) {
    throw new BenchError(
      `cold index of the big tree: ${summary.assets} assets of ${tree.files} files`,
    );
  }
  log(`indexed in ${(add.seconds + scan.seconds).toFixed(1)} s`);
  const cold = {
    seconds: add.seconds + scan.seconds,
    addSeconds: add.seconds,
    scanSeconds: scan.seconds,
    maxRssKb: scan.maxRssKb,
    summary,
    measuredAt: new Date().toISOString(),
  };
  if (kept) {
    rmSync(kept, { recursive: true, force: true });
    cpSync(data, join(kept, 'data'), { recursive: true });
    writeFileSync(join(kept, 'cold.json'), JSON.stringify(cold));
  }
  return { tree, data, cold };
}
