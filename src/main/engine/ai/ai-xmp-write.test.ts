// Packshot writing XMP into an original (a catalog in 'embedded' mode) changes the file's
// hash but not its pixels: what the models found stays current. Without that, rating a
// photo of a person made its faces stale (no longer "a person in the frame" for the rights
// check), sent it to the AI again, and the re-run dropped its faces' groups and pins.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnalysis } from '../../test-support/ai-rows';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { FACES_MODEL, OBJECTS_MODEL } from '../tools/ai/vision';

describe('AI results through an embedded XMP write', () => {
  let h: Harness;
  let db: Db;
  let folder: string;
  let id: number;

  beforeAll(async () => {
    folder = await tempDir('ai-xmp');
    await writeFile(join(folder, 'model.jpg'), await makeImage(240, 160, 'jpeg', 5));
    h = await startHarness();
    const catalog = await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    await h.call('catalogs.configure', { id: catalog.id, xmp: 'embedded' });
    id = (await h.byName('model.jpg')).id;
    db = openDatabase(join(h.dataDir, 'packshot.db'));
    writeAnalysis(db, id, {
      objects: [{ label: 'person', confidence: 0.9, x: 0.1, y: 0.1, w: 0.5, h: 0.8 }],
      faces: [
        { confidence: 0.9, x: 0.2, y: 0.1, w: 0.2, h: 0.2, descriptor: new Float32Array(1024) },
      ],
      errors: {},
    });
  }, 60_000);
  afterAll(async () => {
    db.close();
    await h.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps faces and people current when a rating is written into the file', async () => {
    const before = (await h.byName('model.jpg')).hash;
    await h.call('assets.edit', { ids: [id], rating: 4 });
    await eventually(
      async () => (await h.byName('model.jpg')).hash !== before,
      'the rating written into the file',
    );
    await h.call('jobs.wait', {});
    const tasks = [
      { task: 'objects' as const, model: OBJECTS_MODEL },
      { task: 'faces' as const, model: FACES_MODEL },
    ];
    expect(new AiResultsRepo(db).dueIds(tasks, [id])).toEqual([]);
    const found = await h.call('assets.list', { query: 'people:yes', limit: 10 });
    expect(found.items.map((a) => a.id)).toEqual([id]);
    const [checked] = await h.call('rights.check', { assetIds: [id], channel: 'amazon' });
    expect(checked!.reasons.map((r) => r.code)).toContain('release.missing');
  });
});
