// The engine's own process loads the AI models' code, the 3D model tools and exiftool only
// when it uses them: `serve` over 100,000 photos must stay small (#13: peak RSS ≤ 300 MB),
// and onnxruntime, tesseract.js, tfjs and gltf-transform with its draco and meshopt wasm
// cost ~40 MB of RSS loaded and unused. Checked on the static import graph (what loads at
// start), from the hosts' entries: a dynamic import() is where such a package belongs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HEAVY = [
  /^onnxruntime-node/,
  /^tesseract\.js/,
  /^@huggingface\/tokenizers/,
  /^@vladmandic\/human/,
  /^@tensorflow\//,
  /^@gltf-transform\//,
  /^draco3dgltf/,
  /^meshoptimizer/,
  /^exiftool-vendored/,
];

/** import/export … from '…' (not `import type`), and bare `import '…'`. */
const STATIC =
  /(?:^|\n)\s*(?:(import|export)\s+(type\s)?[^;'"]*?\bfrom\s*'([^']+)'|import\s+'([^']+)')/g;

function resolveSource(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const file of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(file) && existsSync(file)) return file;
  }
  return null;
}

/** Every package a module's static imports reach, with the chain that reaches it. */
function staticPackages(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>([entry]);
  const queue: { file: string; chain: string[] }[] = [{ file: entry, chain: [] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    const here = [...chain, relative(main, file)];
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (m[2]) continue; // import type: erased
      const spec = m[3] ?? m[4] ?? '';
      if (spec.startsWith('.')) {
        const next = resolveSource(file, spec);
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push({ file: next, chain: here });
        }
      } else if (!spec.startsWith('node:') && !found.has(spec)) {
        found.set(spec, here);
      }
    }
  }
  return found;
}

describe('what the engine process loads at start', () => {
  it.each(['engine/index.ts', 'hosts/cli/main.ts'])(
    'reaches no AI, 3D or exiftool package statically from %s',
    (entry) => {
      const packages = staticPackages(join(main, entry));
      const heavy = [...packages].filter(([name]) => HEAVY.some((re) => re.test(name)));
      expect(heavy.map(([name, chain]) => `${name} via ${chain.join(' → ')}`)).toEqual([]);
      // The walk itself works: it does reach what the engine needs at start (sharp loads on
      // first use, through a require the walk does not follow).
      expect([...packages.keys()]).toEqual(expect.arrayContaining(['better-sqlite3', 'chokidar']));
    },
  );
});
