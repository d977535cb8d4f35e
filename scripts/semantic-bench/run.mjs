// `node scripts/semantic-bench/run.mjs`: semantic search at 100,000 embeddings (BENCH_EMBEDDINGS
// to change the count, BENCH_DIM the vector length, default 512 as CLIP ViT-B's). Prints the
// figures the README quotes: reading the packed buffer, ranking a text, like: by vectors and
// by look, and a ranked page of the asset list, with the memory the buffer takes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--config',
    'scripts/semantic-bench/vitest.config.mjs',
    '--reporter',
    'verbose',
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
