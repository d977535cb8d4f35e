// People the models found count for the content they were found in. A photo of someone,
// replaced on disk by a product shot, is no longer "a person in the frame": the rights
// check does not block it for a missing release, and people:/release: do not list it,
// until the AI job reads the new content.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnalysis } from '../../test-support/ai-rows';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';

describe('AI people on a file that changed since', () => {
  let h: Harness;
  let db: Db;
  let folder: string;
  let id: number;

  const codes = async (): Promise<string[]> => {
    const [checked] = await h.call('rights.check', { assetIds: [id], channel: 'amazon' });
    return checked!.reasons.map((r) => r.code);
  };
  const found = async (query: string): Promise<number[]> =>
    (await h.call('assets.list', { query, limit: 100 })).items.map((a) => a.id);

  beforeAll(async () => {
    folder = await tempDir('stale-people');
    await writeFile(join(folder, 'shot.jpg'), await makeImage(64, 48, 'jpeg', 3));
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    id = (await h.byName('shot.jpg')).id;
    db = openDatabase(join(h.dataDir, 'packshot.db'));
    const descriptor = new Float32Array(1024).fill(0.03);
    writeAnalysis(db, id, {
      objects: [{ label: 'person', confidence: 0.9, x: 0.1, y: 0.1, w: 0.5, h: 0.8 }],
      faces: [{ confidence: 0.9, x: 0.2, y: 0.1, w: 0.2, h: 0.2, descriptor }],
      errors: {},
    });
  });
  afterAll(async () => {
    db.close();
    await h.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('counts them for the content analysed', async () => {
    expect(await codes()).toContain('release.missing');
    expect(await found('people:yes')).toEqual([id]);
    expect(await found('release:missing')).toEqual([id]);
  });

  it('not once the file holds another picture', async () => {
    const before = (await h.byName('shot.jpg')).hash;
    await writeFile(join(folder, 'shot.jpg'), await makeImage(64, 48, 'jpeg', 11));
    await h.call('catalogs.scan', { id: (await h.call('catalogs.list', {}))[0]!.id });
    await eventually(
      async () => (await h.byName('shot.jpg')).hash !== before,
      'the changed file indexed again',
    );
    await h.call('jobs.wait', {});
    expect(await codes()).not.toContain('release.missing');
    expect(await found('people:yes')).toEqual([]);
    expect(await found('people:no')).toEqual([id]);
    expect(await found('release:missing')).toEqual([]);
  });
});
