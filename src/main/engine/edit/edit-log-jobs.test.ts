// The edit log with a durable job queued for what a step touched (as XMP write-back is): the
// row commits with the step, the job starts after it, and closing never fails the edit.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { JobRegistry } from '../jobs/job-registry';
import { JobRepo } from '../repositories/job-repo';
import { tempDir } from '../../test-support/sample-images';
import { EditLog } from './edit-log';
import { kindName, part } from './undo-kind';

let dir: string;
let db: Db;
let jobs: JobRegistry;
let log: EditLog;
let written: number[][];

const NOTE = kindName<number>('note');
const note = (id: number) => () => ({ parts: [part(NOTE, id)], changed: 1, touched: [id] });

beforeEach(async () => {
  dir = await tempDir('edit-jobs');
  db = openDatabase(join(dir, 'packshot.db'));
  written = [];
  jobs = new JobRegistry(new JobRepo(db), { adopt: false, heartbeatMs: 40 });
  const writeBack = jobs.define<{ ids: number[] }, null>({
    name: 'write-back',
    concurrency: 1,
    onClose: 'finish',
    label: () => 'Write back',
    merge: (queued, next) => ({ ids: [...queued.ids, ...next.ids] }),
    run: (ctx) => (written.push(ctx.args.ids), Promise.resolve(null)),
  });
  log = new EditLog(db, (ids) => writeBack.enqueue({ ids: [...ids] }));
  const same = { changed: 1 };
  log.register({ name: NOTE, undo: () => same, redo: () => same });
});

afterEach(async () => {
  await jobs.close();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

it('a step rolled back with its caller queues nothing; a committed one is written back', async () => {
  expect(() =>
    writeTransaction(db, () => {
      log.step('Note 1', note(1));
      throw new Error('the caller failed');
    }),
  ).toThrow('the caller failed');
  await settle();
  expect(jobs.list()).toEqual([]);
  log.step('Note 2', note(2));
  const [job] = jobs.list();
  expect(job && (await jobs.wait(job.id)).state).toBe('done');
  expect(written).toEqual([[2]]);
});

it('an edit while the engine closes is saved, its write-back left queued for the next engine', async () => {
  const closed = jobs.close();
  const result = log.step('Note 3', note(3));
  await closed;
  expect(result).toMatchObject({ changed: 1, step: 'Note 3' });
  expect(jobs.list()).toMatchObject([{ state: 'queued', owner: null }]);
  expect(written).toEqual([]);
});
