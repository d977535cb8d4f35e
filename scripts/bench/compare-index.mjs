// The app's index of one folder made by two builds, compared: every asset's details
// (`assets.get`: placeholder, analysis, near-duplicate group, metadata…) by path, and every
// thumbnail's bytes. For a change that must not change results (the speed work of #13).
//
//   node scripts/bench/compare-index.mjs DIR BUILD_A BUILD_B   (each an out/main/cli.js)
//
// Which of several identical copies is named the original (`duplicateOf`, and the
// `history` rows' times) follows indexing order, which two runs of one build already vary:
// those fields are counted apart.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listAll, startServe, tmpName } from './lib.mjs';

const ORDER_FIELDS = new Set(['duplicateOf', 'history']);
const [dir, ...builds] = process.argv.slice(2);
if (!dir || builds.length !== 2) {
  console.error('usage: node scripts/bench/compare-index.mjs DIR BUILD_A BUILD_B');
  process.exit(2);
}

function thumbnails(data) {
  const out = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(entry.name, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(join(data, 'cache', 'thumbs'));
  return out;
}

async function indexWith(cli) {
  const data = join(dir, '..', `compare-${tmpName()}`);
  const serve = await startServe(data, cli);
  try {
    await serve.call('catalogs.add', { path: dir });
    await serve.call('jobs.wait', {});
    const rows = new Map();
    for (const item of (await listAll(serve)).items) {
      const details = await serve.call('assets.get', { id: item.id });
      for (const own of ['id', 'addedAt', 'indexedAt']) delete details[own];
      rows.set(details.relPath, details);
    }
    return { rows, thumbs: thumbnails(data) };
  } finally {
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

const [a, b] = [await indexWith(builds[0]), await indexWith(builds[1])];
const differing = new Map();
for (const [path, row] of a.rows) {
  const other = b.rows.get(path) ?? {};
  for (const field of new Set([...Object.keys(row), ...Object.keys(other)]))
    if (JSON.stringify(row[field]) !== JSON.stringify(other[field]))
      differing.set(field, (differing.get(field) ?? 0) + 1);
}
const thumbDiffs = [...a.thumbs].filter(([k, v]) => b.thumbs.get(k) !== v).length;
const results = [...differing].filter(([f]) => !ORDER_FIELDS.has(f));
console.log(
  `${a.rows.size} and ${b.rows.size} assets; ${a.thumbs.size} and ${b.thumbs.size} thumbnails, ${thumbDiffs} differ`,
);
console.log(
  `fields that differ: ${results.map(([f, n]) => `${f} (${n})`).join(', ') || 'none'}; by indexing order only: ${
    [...differing]
      .filter(([f]) => ORDER_FIELDS.has(f))
      .map(([f, n]) => `${f} (${n})`)
      .join(', ') || 'none'
  }`,
);
process.exit(results.length === 0 && thumbDiffs === 0 && a.rows.size === b.rows.size ? 0 : 1);
