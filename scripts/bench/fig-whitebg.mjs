// The white-background pass (src/main/engine/analysis/white-background.ts) on a generated
// 2000 × 1500 studio shot (an off-white, vignetted, noisy backdrop; a red box; a soft
// shadow), in this process: the module is transpiled from src/ with TypeScript (it has no
// imports), so it is the engine's code. The baseline is one copy of the pixels (the least a
// pass that returns new pixels does). Target: a few tens of ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { log, root, RUNS } from './lib.mjs';

const W = 2000;
const H = 1500;
const TARGET_MS = 100;

async function loadModule() {
  const source = readFileSync(
    join(root, 'src', 'main', 'engine', 'analysis', 'white-background.ts'),
    'utf8',
  );
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

function studioShot() {
  const data = new Uint8Array(W * H * 3);
  let s = 7;
  const noise = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 7) - 3;
  };
  const diag = Math.hypot(W / 2, H / 2);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      const inBox = Math.abs(x - W / 2) < W * 0.2 && Math.abs(y - H * 0.45) < H * 0.25;
      if (inBox) {
        data.set([200, 40, 45], o);
        continue;
      }
      const sx = (x - W / 2) / (W * 0.26);
      const sy = (y - H * 0.7) / (H * 0.09);
      const v =
        246 -
        12 * (Math.hypot(x - W / 2, y - H / 2) / diag) ** 2 -
        60 * Math.exp(-(sx * sx + sy * sy) * 1.5);
      data.set([v + 1 + noise(), v + noise(), v - 2 + noise()], o);
    }
  }
  return { width: W, height: H, channels: 3, data };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default {
  key: 'whitebg',
  title: 'white background pass (micro-bench)',
  async run() {
    const { whiteBackground, WHITE_BACKGROUND_DEFAULTS } = await loadModule();
    const shot = studioShot();
    const runs = Math.max(5, RUNS);
    log(`whitebg: ${W} × ${H}, ${runs} runs (and one to warm up)`);
    whiteBackground(shot, WHITE_BACKGROUND_DEFAULTS);
    const times = [];
    const cpus = [];
    const copies = [];
    let result;
    for (let i = 0; i < runs; i++) {
      let t = process.hrtime.bigint();
      const c = process.cpuUsage();
      result = whiteBackground(shot, WHITE_BACKGROUND_DEFAULTS);
      const used = process.cpuUsage(c);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      cpus.push((used.user + used.system) / 1000);
      t = process.hrtime.bigint();
      new Uint8Array(shot.data);
      copies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // One thread's work: its CPU time is the cost; wall time also counts a busy machine.
    const ms = median(cpus);
    const copy = median(copies);
    return {
      rows: [
        {
          figure: `white background at ${W} × ${H} (flood, feather, shadow kept)`,
          value: `${ms.toFixed(0)} ms CPU`,
          baseline: `copy of the pixels ${copy.toFixed(1)} ms`,
          ratio: `${(ms / Math.max(copy, 0.01)).toFixed(0)}×`,
          target: `≤ ${TARGET_MS} ms`,
          met: ms <= TARGET_MS ? 'yes' : 'NO',
        },
      ],
      notes: [
        `runs, CPU ms: ${cpus.map((t) => t.toFixed(0)).join(', ')}; wall ms: ${times.map((t) => t.toFixed(0)).join(', ')}; backdrop ${(result.backgroundShare * 100).toFixed(0)} % of the image, border ${(result.borderShare * 100).toFixed(0)} %`,
      ],
    };
  },
};
