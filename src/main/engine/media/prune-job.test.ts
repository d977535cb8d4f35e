// The cache-trimming job, on a real registry and real files: one run keeps the previews and
// the version diffs each under its own budget, and its label says both.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { JobRegistry } from '../jobs/job-registry';
import { JobRepo } from '../repositories/job-repo';
import { eventually } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { MediaCache } from './media-cache';
import { definePruneJob, PRUNE_PREVIEWS_JOB } from './prune-job';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Ten 1 KB files in one shard of a cache folder. */
async function fill(folder: string): Promise<void> {
  await mkdir(join(folder, 'ab'), { recursive: true });
  for (let i = 0; i < 10; i++) await writeFile(join(folder, 'ab', `f${i}`), Buffer.alloc(1024));
}

const count = async (folder: string) => (await readdir(join(folder, 'ab'))).length;

it('trims previews and version diffs, each to its budget, under an honest label', async () => {
  const dir = await tempDir('prune-job');
  const db: Db = openDatabase(join(dir, 'packshot.db'));
  const registry = new JobRegistry(new JobRepo(db), { adopt: false });
  cleanup = async () => {
    await registry.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  };
  const cache = new MediaCache(join(dir, 'cache'));
  await fill(cache.folder('preview'));
  await fill(cache.folder('diff'));
  const prune = definePruneJob(registry, cache, 6 * 1024, 3 * 1024);
  prune();
  const done = () => registry.list(['done']).find((j) => j.name === PRUNE_PREVIEWS_JOB);
  const job = await eventually(() => Promise.resolve(done()), 'the prune job to finish');
  expect(job.label).toBe(
    'Trim the preview, version-diff, page, scrub-strip, 3D-viewer and white-background caches',
  );
  // Down to 90 % of each budget: 5 of the previews' 1 KB files stay, 2 of the diffs'.
  expect(await count(cache.folder('preview'))).toBe(5);
  expect(await count(cache.folder('diff'))).toBe(2);
});
