// The AI process's throughput on the sample photos: images per second for objects+faces
// and for OCR, and the process's peak RSS, with the built worker (npx electron-vite build)
// as the app runs it: forked, nice 19, one image at a time.
//   node scripts/ai-process-bench.mjs [photo folder] [rounds]
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder =
  process.argv[2] ?? '/opt/packshot-samples/skimage/usr/lib/python3/dist-packages/skimage/data';
const rounds = Number(process.argv[3] ?? 2);
const worker = join(import.meta.dirname, '..', 'out', 'main', 'ai-worker.js');
if (!existsSync(worker)) throw new Error(`no ${worker}: run npx electron-vite build`);
const photos = readdirSync(folder)
  .filter((f) => /\.(png|jpe?g)$/i.test(f))
  .map((f) => join(folder, f));

const child = fork(worker, [], {
  serialization: 'advanced',
  env: { ...process.env, UV_THREADPOOL_SIZE: '2' },
  stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
});
let next = 1;
const ask = (request) =>
  new Promise((resolve) => {
    const id = next++;
    const on = (m) => {
      if (m.id !== id) return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send({ id, request });
  });
const peakMb = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// Loading the models is the first image's cost: measured apart.
let t = performance.now();
await ask({ source: photos[0], tasks: ['objects', 'faces', 'text'] });
console.log(`first image (models loading): ${((performance.now() - t) / 1000).toFixed(2)} s`);
for (const tasks of [['objects', 'faces'], ['text']]) {
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (const source of photos) await ask({ source, tasks });
  const seconds = (performance.now() - t) / 1000;
  const n = rounds * photos.length;
  console.log(
    `${tasks.join('+')}: ${(n / seconds).toFixed(2)} images/s (${n} images, ${((seconds / n) * 1000).toFixed(0)} ms each)`,
  );
}
console.log(`peak RSS of the AI process: ${peakMb().toFixed(0)} MB`);
child.kill();
