// Near-duplicate lookups: the engine's HammingIndex (multi-index hashing) against the
// linear scan it replaced (every hash compared with the new one), both holding the same
// N (default 100,000; BENCH_100K) 64-bit hashes, in this process. The module is
// transpiled from src/ with TypeScript (it has no imports), so it is the engine's code.
// The hashes are a mix of unrelated ones and bursts (small variations of a few centres);
// each lookup uses the engine's radius (10 bits) and cut-off (64 matches).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { COUNT } from './hundred-k.mjs';
import { log, root } from './lib.mjs';

const RADIUS = 10;
const LIMIT = 64;
const LOOKUPS = 2000;

async function loadIndexModule() {
  const source = readFileSync(
    join(root, 'src', 'main', 'engine', 'analysis', 'hamming-index.ts'),
    'utf8',
  );
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function hashes(count, next) {
  const centres = Array.from({ length: 500 }, () => [next(), next()]);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (i % 4 !== 0) {
      out.push([next(), next()]);
      continue;
    }
    const [ch, cl] = centres[i % centres.length];
    let h = ch;
    let l = cl;
    for (let b = next() % 12; b > 0; b--) {
      const bit = next() % 64;
      if (bit < 32) h = (h ^ (1 << bit)) >>> 0;
      else l = (l ^ (1 << (bit - 32))) >>> 0;
    }
    out.push([h, l]);
  }
  return out;
}

/** What SimilarIndex did before: every hash in a Map, compared in turn. */
function linearNear(all, popcount, hi, lo, except) {
  const matches = [];
  for (const [other, [oh, ol]] of all) {
    if (other !== except && popcount(oh ^ hi) + popcount(ol ^ lo) <= RADIUS) matches.push(other);
    if (matches.length > LIMIT) break;
  }
  return matches;
}

export default {
  key: 'similar',
  title: 'near-duplicate lookups (micro-bench)',
  async run() {
    const { HammingIndex, popcount } = await loadIndexModule();
    const next = seeded(42);
    const all = hashes(COUNT, next);
    const index = new HammingIndex(RADIUS);
    const linear = new Map();
    all.forEach(([h, l], id) => {
      index.set(id, h, l);
      linear.set(id, [h, l]);
    });
    const queries = Array.from({ length: LOOKUPS }, (_, i) => all[(i * 7919) % all.length]);
    log(`similar: ${LOOKUPS} lookups among ${COUNT} hashes, index and linear scan`);

    let agree = 0;
    const time = (fn) => {
      const start = process.hrtime.bigint();
      const results = queries.map(([h, l], i) => fn(h, l, (i * 7919) % all.length));
      return { seconds: Number(process.hrtime.bigint() - start) / 1e9, results };
    };
    const a = time((h, l, id) => index.near(h, l, id, LIMIT));
    const b = time((h, l, id) => linearNear(linear, popcount, h, l, id));
    a.results.forEach((found, i) => {
      const want = b.results[i];
      // Past the cut-off both give up on grouping; which 65 they saw does not matter.
      const same =
        (found.length > LIMIT && want.length > LIMIT) ||
        [...found].sort((x, y) => x - y).join() === [...want].sort((x, y) => x - y).join();
      if (same) agree++;
    });
    const indexRate = LOOKUPS / a.seconds;
    const linearRate = LOOKUPS / b.seconds;
    const n = COUNT.toLocaleString('en');
    return {
      rows: [
        {
          figure: `near-duplicate lookups at ${n} hashes (radius ${RADIUS})`,
          value: `${Math.round(indexRate).toLocaleString('en')}/s`,
          baseline: `linear scan ${Math.round(linearRate).toLocaleString('en')}/s`,
          ratio: `${(indexRate / linearRate).toFixed(0)}× faster`,
          target: 'sublinear',
          met: agree === LOOKUPS ? 'yes' : `NO (${LOOKUPS - agree} lookups disagree)`,
        },
      ],
      notes: [
        `${LOOKUPS} lookups, index ${(a.seconds * 1000).toFixed(0)} ms, linear scan ${(b.seconds * 1000).toFixed(0)} ms; results agree on ${agree} of ${LOOKUPS}`,
      ],
    };
  },
};
