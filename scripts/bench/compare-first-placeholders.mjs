// The placeholder each file of a folder is first painted with (the first assets.placeholders
// event that names it), for two builds, compared by name. The quick looks' speed work must
// not change what the grid first shows; compare-index.mjs compares the final index.
//
//   node scripts/bench/compare-first-placeholders.mjs DIR BUILD_A BUILD_B   (out/main/cli.js)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { listAll, startServe, tmpName } from './lib.mjs';

const [dir, ...builds] = process.argv.slice(2);
if (!dir || builds.length !== 2) {
  console.error('usage: node scripts/bench/compare-first-placeholders.mjs DIR BUILD_A BUILD_B');
  process.exit(2);
}

/** File name → the placeholder it was first painted with (null: never by an event). */
async function firstPainted(cli) {
  const data = join(tmpdir(), `packshot-first-${tmpName()}`);
  const serve = await startServe(data, cli);
  const first = new Map();
  const disconnect = await serve.events((name, payload) => {
    if (name !== 'assets.placeholders') return;
    for (const item of payload.items) if (!first.has(item.id)) first.set(item.id, item.placeholder);
  });
  try {
    await serve.call('catalogs.add', { path: dir });
    await serve.call('jobs.wait', {});
    const { items } = await listAll(serve);
    return new Map(items.map((asset) => [asset.name, first.get(asset.id) ?? null]));
  } finally {
    disconnect();
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

const a = await firstPainted(builds[0]);
const b = await firstPainted(builds[1]);
const differ = [...a].filter(([name, placeholder]) => b.get(name) !== placeholder).map(([n]) => n);
const painted = (m) => [...m.values()].filter(Boolean).length;
console.log(
  `${a.size} and ${b.size} files; first painted by an event: ${painted(a)} and ${painted(b)}; ` +
    `first placeholders that differ: ${differ.length}${differ.length ? ` (${differ.slice(0, 10).join(', ')})` : ''}`,
);
process.exitCode = differ.length === 0 && a.size === b.size ? 0 : 1;
