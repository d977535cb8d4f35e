// The engine uses every core: libuv's pool is sized to the cores before anything starts
// it (checked on a real `packshot serve` by counting its threads), and the index queue and
// libvips follow the same count.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine';
import { imageThreads } from '../../engine/tools/sharp/render-thumbnail';
import { packshotBin } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { coreCount, sizeThreadPool, threadPoolSize } from './thread-pool.cjs';

describe('core count and thread pool size', () => {
  it('follows the cores the OS allows, or PACKSHOT_CORES when it is a whole number', () => {
    expect(coreCount({})).toBe(availableParallelism());
    expect(coreCount({ PACKSHOT_CORES: '16' })).toBe(16);
    for (const bad of ['0', '-2', '1.5', 'many', ''])
      expect(coreCount({ PACKSHOT_CORES: bad })).toBe(availableParallelism());
  });

  it('gives one thread per core and four for file reads, within libuv’s limit', () => {
    expect(threadPoolSize(1)).toBe(5);
    expect(threadPoolSize(16)).toBe(20);
    expect(threadPoolSize(5000)).toBe(1024);
  });

  it('sets UV_THREADPOOL_SIZE unless the user chose one', () => {
    const env: NodeJS.ProcessEnv = { PACKSHOT_CORES: '12' };
    expect(sizeThreadPool(env)).toBe(16);
    expect(env.UV_THREADPOOL_SIZE).toBe('16');
    const chosen: NodeJS.ProcessEnv = { PACKSHOT_CORES: '12', UV_THREADPOOL_SIZE: '7' };
    expect(sizeThreadPool(chosen)).toBe(7);
  });
});

describe('engine', () => {
  it('runs libvips with as many threads per image as its cores', async () => {
    const dataDir = await tempDir('packshot-cores-');
    for (const cores of [3, 1]) {
      const engine = createEngine({ dataDir, concurrency: cores });
      try {
        expect(imageThreads()).toBe(cores);
      } finally {
        await engine.close();
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  });
});

/** Threads of a real `packshot serve` told it has `cores` cores, once its pool has started. */
async function serveThreads(cores: number): Promise<number> {
  const dataDir = await tempDir('packshot-pool-');
  const child = spawn(process.execPath, [packshotBin, '--data', dataDir, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      PACKSHOT_DATA: '',
      PACKSHOT_CORES: String(cores),
      UV_THREADPOOL_SIZE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /serving at (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before serving`)));
    });
    // Serving the page reads a file: libuv starts its pool, every thread at once.
    await new Promise<void>((resolve, reject) =>
      get(url, (res) => res.resume().once('end', resolve)).once('error', reject),
    );
    return readdirSync(`/proc/${child.pid}/task`).length;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe.skipIf(process.platform !== 'linux')('packshot serve', () => {
  it('starts libuv with one more pool thread per extra core', async () => {
    const [two, ten] = [await serveThreads(2), await serveThreads(10)];
    // libuv's default pool (4) at both counts would give no difference at all.
    expect(ten - two).toBe(threadPoolSize(10) - threadPoolSize(2));
  });
});
