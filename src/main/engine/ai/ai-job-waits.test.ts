// The AI job's turn-taking, with a stand-in for the models: it waits, holding nothing,
// while the index queue is busy or the AI is paused, and goes on when neither is.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { JobRegistry } from '../jobs/job-registry';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { setAiPaused } from '../repositories/ai-settings';
import { JobRepo } from '../repositories/job-repo';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import type { AnalyseRequest } from '../tools/ai/analyse-image';
import { defineAiJob } from './ai-job';

let photos: PhotoHarness;
let db: Db;
let registry: JobRegistry;
let busy = true;
const seen: AnalyseRequest[] = [];
let job: ReturnType<typeof defineAiJob>;

beforeAll(async () => {
  photos = await startWithPhotos('ai-waits', ['a.jpg', 'b.jpg', 'c.jpg'], 3);
  // Its own registry on the library, as another engine would have: only its rows run here.
  db = openDatabase(join(photos.h.dataDir, 'packshot.db'));
  registry = new JobRegistry(new JobRepo(db), { adopt: false, heartbeatMs: 40 });
  registry.start();
  job = defineAiJob(registry, {
    db,
    repo: new AiResultsRepo(db),
    tasks: () => [{ task: 'objects', model: 'stand-in' }],
    clipDir: '',
    analyse: (request) => {
      seen.push(request);
      return Promise.resolve({ objects: [], errors: {} });
    },
    source: (id) => Promise.resolve({ path: `asset-${id}` }),
    idsFor: () => [],
    indexBusy: () => busy,
    changed: () => undefined,
  });
});

afterAll(async () => {
  await registry.close();
  db.close();
  await photos.dispose();
});

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it('waits while indexing runs or while paused, and then analyses everything due', async () => {
  const id = job.enqueue({});
  await pause(800);
  expect(seen).toHaveLength(0);
  expect(registry.get(id)?.state).toBe('running');

  setAiPaused(db, true);
  busy = false;
  await pause(800);
  expect(seen).toHaveLength(0);

  setAiPaused(db, false);
  const row = await registry.wait(id);
  expect(row.state).toBe('done');
  expect(seen.map((r) => r.source).sort()).toEqual(
    Object.values(photos.id)
      .map((n) => `asset-${n}`)
      .sort(),
  );
  expect(JSON.parse(row.result!)).toMatchObject({ analysed: 3, errors: 0 });
});
