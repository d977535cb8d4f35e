// The AI process for real: the built worker (out/main/ai-worker.js) forked as the app forks
// it, at the lowest priority, restarted after a crash, stopped past its time limit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/run-cli';
import { hasSamplePhotos, samplePhoto } from '../../../test-support/sample-photos';
import { AiWorker } from './run-ai-worker';

const built = join(repoRoot, 'out', 'main', 'ai-worker.js');
const NEEDS = '(needs the build, npx electron-vite build, and python3-skimage’s sample photos)';

/** A thread's nice value: field 19 of its stat line, counted after the command's parentheses. */
function niceOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!existsSync(built) || !hasSamplePhotos)(`the AI process ${NEEDS}`, () => {
  const workers: AiWorker[] = [];
  const start = (timeoutMs?: number): AiWorker => {
    const worker = new AiWorker({ file: built, ...(timeoutMs ? { timeoutMs } : {}) });
    workers.push(worker);
    return worker;
  };
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
  });

  it('analyses in a child process at nice 19, descriptors intact', async () => {
    const worker = start();
    const found = await worker.analyse({
      source: samplePhoto('astronaut.png'),
      tasks: ['objects', 'faces'],
    });
    expect(found.errors).toEqual({});
    expect(found.objects?.map((o) => o.label)).toContain('person');
    expect(found.faces?.[0]?.descriptor).toBeInstanceOf(Float32Array);
    expect(found.faces?.[0]?.descriptor.length).toBe(1024);
    const pid = worker.pid!;
    expect(pid).not.toBe(process.pid);
    expect(alive(pid)).toBe(true);
    if (process.platform === 'linux') {
      expect(niceOf(`/proc/${pid}/stat`)).toBe(19);
      // Every thread, the pool's and the models' too (nice is per thread on Linux).
      const threads = readdirSync(`/proc/${pid}/task`);
      expect(threads.length).toBeGreaterThan(1);
      expect(threads.map((t) => niceOf(`/proc/${pid}/task/${t}/stat`))).toEqual(
        threads.map(() => 19),
      );
    }
  }, 60_000);

  it('reports a crash as that image’s error and starts again for the next', async () => {
    const worker = start();
    await worker.analyse({ source: samplePhoto('coffee.png'), tasks: ['objects'] });
    const first = worker.pid!;
    const crashed = worker.analyse({
      source: samplePhoto('astronaut.png'),
      tasks: ['objects', 'text'],
    });
    process.kill(first, 'SIGKILL');
    const answer = await crashed;
    expect(answer.errors.objects).toMatch(/the AI process stopped \(signal SIGKILL\)/);
    expect(answer.errors.text).toBe(answer.errors.objects);
    const next = await worker.analyse({ source: samplePhoto('coffee.png'), tasks: ['objects'] });
    expect(next.objects?.map((o) => o.label)).toContain('cup');
    expect(worker.pid).not.toBe(first);
  }, 60_000);

  it('stops an image past the time limit, and the process with it', async () => {
    // Loading the models alone takes longer than this.
    const worker = start(150);
    const answer = await worker.analyse({ source: samplePhoto('coffee.png'), tasks: ['objects'] });
    expect(answer.errors.objects).toBe('analysing took over 150 ms and was stopped');
    expect(worker.pid).toBeNull();
  }, 30_000);
});
