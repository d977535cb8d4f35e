// 3D thumbnails: `packshot catalog add` + `scan --json` over the glTF/GLB files of Debian's
// assimp-testmodels (/usr/share/assimp/models/glTF2: 46 files; 2CylinderEngine GLB 121k
// drawn triangles, its Draco twin, the textured boxes, ClearCoat 37k, the primitive-mode
// set, and the broken ones), copied BENCH_MODEL_COPIES times (default 4) with each copy's
// bytes made distinct (JSON whitespace), so every copy is read, validated and drawn. Value:
// model thumbnails made per second of scan (start-up included) and the scan's peak RSS
// (GNU time). Baseline, same run: a bare `node` reading the same files with gltf-transform
// (NodeIO, Draco registered): the parse the engine cannot avoid, without the validator,
// the rasteriser, the worker threads and the index.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  BenchError,
  log,
  mb,
  median,
  met,
  packshot,
  parseScan,
  ratio,
  root,
  RUNS,
  s,
  tmpName,
} from './lib.mjs';

const SOURCE = '/usr/share/assimp/models/glTF2';
const COPIES = Math.max(1, Number(process.env.BENCH_MODEL_COPIES ?? 4));
/** Thumbnails per second the engine should reach on these (small) models. */
const TARGET = 5;

function modelFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(glb|gltf)$/i.test(entry.name))
      out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Trailing spaces after a glTF's JSON (a GLB's JSON chunk grows by 4 × k): new bytes, same model. */
function makeDistinct(file, k) {
  const bytes = readFileSync(file);
  if (file.endsWith('.gltf'))
    return writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(k, 0x20)]));
  const jsonLength = bytes.readUInt32LE(12);
  const pad = Buffer.alloc(4 * k, 0x20);
  const out = Buffer.concat([
    bytes.subarray(0, 20 + jsonLength),
    pad,
    bytes.subarray(20 + jsonLength),
  ]);
  out.writeUInt32LE(bytes.readUInt32LE(8) + pad.length, 8);
  out.writeUInt32LE(jsonLength + pad.length, 12);
  writeFileSync(file, out);
}

function corpus(work) {
  const dir = join(work, 'models');
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < COPIES; k++) {
    const copy = join(dir, `copy-${k}`);
    cpSync(SOURCE, copy, { recursive: true });
    if (k > 0) for (const file of modelFiles(copy)) makeDistinct(file, k);
  }
  return { dir, files: modelFiles(dir) };
}

const BARE_READ = `
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const draco = require('draco3dgltf');
const io = new NodeIO().registerExtensions(ALL_EXTENSIONS)
  .registerDependencies({ 'draco3d.decoder': await draco.createDecoderModule() });
const files = JSON.parse(process.argv[1]);
const t = performance.now();
let read = 0;
for (const f of files) { try { await io.read(f); read++; } catch {} }
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, read }));
`;

function bareRead(files) {
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', BARE_READ, JSON.stringify(files)],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0)
    throw new BenchError(`bare gltf-transform read failed: ${run.stderr.slice(-300)}`);
  return JSON.parse(run.stdout.trim());
}

function scanOnce(work, dir) {
  const data = join(work, `data-${tmpName()}`);
  try {
    packshot(data, ['catalog', 'add', dir]);
    const run = packshot(data, ['scan', '--json']);
    const summary = parseScan(run.stdout, '3D thumbnails');
    const assets = JSON.parse(packshot(data, ['assets', '--json']).stdout);
    const models = assets.filter((a) => a.kind === 'model');
    const drawn = new Set(models.filter((a) => a.thumbnail === 'ready').map((a) => a.hash));
    return {
      seconds: run.seconds,
      maxRssKb: run.maxRssKb,
      summary,
      models: models.length,
      drawn: drawn.size,
      errors: models.filter((a) => a.state === 'error').length,
    };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

export default {
  key: 'models',
  title: '3D thumbnails per second (assimp glTF2)',
  async run(ctx) {
    if (!existsSync(SOURCE))
      throw new BenchError(`3D thumbnails: ${SOURCE} is missing (apt install assimp-testmodels)`);
    const { dir, files } = corpus(join(ctx.work, 'model-corpus'));
    log(`3D thumbnails: ${files.length} glTF/GLB files (${COPIES} distinct copies of ${SOURCE})`);
    const scans = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      scans.push(scanOnce(ctx.work, dir));
      bare.push(bareRead(files));
    }
    const scan = scans.sort((a, b) => a.seconds - b.seconds)[Math.floor(scans.length / 2)];
    const bareSeconds = median(bare.map((b) => b.seconds));
    if (scan.drawn === 0) throw new BenchError('3D thumbnails: no model thumbnail was made');
    const perSecond = scan.drawn / scan.seconds;
    const rss = scan.maxRssKb ? mb(scan.maxRssKb) : 'n/a (no GNU time)';
    return {
      rows: [
        {
          figure: '3D thumbnails/s (scan, assimp glTF2)',
          value: `${perSecond.toFixed(1)}/s (${scan.drawn} in ${s(scan.seconds)})`,
          baseline: `bare gltf-transform read ${s(bareSeconds)}`,
          ratio: ratio(scan.seconds, bareSeconds),
          target: `≥ ${TARGET}/s`,
          met: met(perSecond >= TARGET),
        },
        {
          figure: '3D scan peak RSS',
          value: rss,
          baseline: '—',
          ratio: '—',
          target: '—',
          met: 'n/a',
        },
      ],
      notes: [
        `${files.length} files, ${scan.models} model assets, ${scan.drawn} distinct thumbnails drawn, ${scan.errors} models in error (the broken test files); the rest have no triangles (points, lines) or could not be read`,
        `bare read: ${bare[0]?.read ?? 0} of ${files.length} files parsed by gltf-transform; scan wall ${scans.map((r) => s(r.seconds)).join(', ')}`,
      ],
    };
  },
};
