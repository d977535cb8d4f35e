// People and face groups without the models: rows written as the AI job's writer writes
// them (test-support/ai-rows.ts), with made-up descriptors, so the rules run on every
// machine (faces-rights.test.ts runs the real models on real photos).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnalysis } from '../../test-support/ai-rows';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { openDatabase, type Db } from '../db/open-database';
import { addDays, today } from '../rights/licence-dates';
import type { DetectedFace } from '../tools/ai/vision';
import { groupNewFaces } from './face-grouping';

let p: PhotoHarness;
let db: Db;
const names = [
  'anna-1.jpg',
  'anna-2.jpg',
  'anna-3.jpg',
  'back.jpg',
  'far.jpg',
  'tagged.jpg',
  'cup.jpg',
];
const id = (name: string): number => p.id[name]!;

/** A face looking like person `who` (a direction in descriptor space), a little off. */
function faceOf(who: number, wobble: number): DetectedFace {
  const descriptor = new Float32Array(1024);
  descriptor[who] = 10;
  descriptor[500 + who] = wobble;
  return { confidence: 0.9, x: 0.4, y: 0.2, w: 0.2, h: 0.25, descriptor };
}
const person = (confidence: number) => ({ label: 'person', confidence, x: 0, y: 0, w: 1, h: 1 });

const found = async (query: string): Promise<string[]> =>
  (await p.h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name).sort();
const codes = async (name: string): Promise<string[]> =>
  (await p.h.call('rights.check', { assetIds: [id(name)] }))[0]!.reasons.map((r) => r.code);

beforeAll(async () => {
  p = await startWithPhotos('face-groups', names, 11);
  db = openDatabase(join(p.h.dataDir, 'packshot.db'));
  writeAnalysis(db, id('anna-1.jpg'), { faces: [faceOf(1, 0)], objects: [], errors: {} });
  writeAnalysis(db, id('anna-2.jpg'), { faces: [faceOf(1, 2)], objects: [], errors: {} });
  // A person with their back turned: the detector's body, no face.
  writeAnalysis(db, id('back.jpg'), { faces: [], objects: [person(0.62)], errors: {} });
  // Too unsure to count.
  writeAnalysis(db, id('far.jpg'), { faces: [], objects: [person(0.3)], errors: {} });
  await p.h.call('tags.apply', { ids: [id('tagged.jpg')], path: 'People|Models' });
});
afterAll(async () => {
  db.close();
  await p.dispose();
});

describe('people in the frame', () => {
  it('counts faces, sure person boxes and People tags, in search and the rights check', async () => {
    expect(await found('people:yes')).toEqual([
      'anna-1.jpg',
      'anna-2.jpg',
      'back.jpg',
      'tagged.jpg',
    ]);
    expect(await found('people:no')).toEqual(['anna-3.jpg', 'cup.jpg', 'far.jpg']);
    expect(await found('release:missing')).toEqual(await found('people:yes'));
    expect(await codes('back.jpg')).toContain('release.missing');
    expect(await codes('far.jpg')).not.toContain('release.missing');
  });

  it('an expired release leaves the photo missing one; a valid one clears it', async () => {
    const old = await p.h.call('releases.create', {
      kind: 'model',
      signedOn: addDays(today(), -400),
      expiresOn: addDays(today(), -1),
      assetIds: [id('back.jpg')],
    });
    expect(old.attached).toBe(1);
    expect(await found('release:missing')).toContain('back.jpg');
    // A property release is not a person's.
    await p.h.call('releases.create', {
      kind: 'property',
      signedOn: addDays(today(), -5),
      assetIds: [id('tagged.jpg')],
    });
    expect(await found('release:missing')).toContain('tagged.jpg');
    await p.h.call('releases.create', {
      kind: 'minor',
      signedOn: today(),
      assetIds: [id('tagged.jpg')],
    });
    expect(await found('release:ok')).toEqual(['tagged.jpg']);
  });
});

describe('face groups', () => {
  it('groups one person’s faces, and a release attached to the group follows new photos', async () => {
    expect(groupNewFaces(db)).toEqual({ grouped: 2, started: 1, linked: 0 });
    const [anna] = await p.h.call('faceGroups.list', {});
    expect(anna).toMatchObject({ faces: 2, assets: 2, releaseIds: [] });
    expect(await p.h.call('faceGroups.assets', { id: anna!.id })).toEqual([
      id('anna-1.jpg'),
      id('anna-2.jpg'),
    ]);
    const { id: release } = await p.h.call('releases.create', {
      kind: 'model',
      subject: 'Anna',
      signedOn: addDays(today(), -1),
    });
    expect(
      await p.h.call('faceGroups.attachRelease', { id: anna!.id, releaseId: release }),
    ).toEqual({ assets: 2 });
    expect(await found('release:ok')).toEqual(['anna-1.jpg', 'anna-2.jpg', 'tagged.jpg']);

    // Anna again, and someone else, in one later batch; and Anna twice in one photo (a mirror)
    // does not put two faces of one frame in her group.
    writeAnalysis(db, id('anna-3.jpg'), {
      faces: [faceOf(1, 1), faceOf(1, 1.5)],
      objects: [],
      errors: {},
    });
    writeAnalysis(db, id('cup.jpg'), { faces: [faceOf(7, 0)], objects: [], errors: {} });
    expect(groupNewFaces(db)).toEqual({ grouped: 3, started: 2, linked: 1 });
    expect(groupNewFaces(db)).toEqual({ grouped: 0, started: 0, linked: 0 });
    const groups = await p.h.call('faceGroups.list', {});
    expect(groups.map((g) => [g.faces, g.assets, g.releaseIds])).toEqual([
      [3, 3, [release]],
      [1, 1, []],
      [1, 1, []],
    ]);
    expect(await found(`face:${anna!.id}`)).toEqual(['anna-1.jpg', 'anna-2.jpg', 'anna-3.jpg']);
    expect(await codes('anna-3.jpg')).not.toContain('release.missing');
    expect(await codes('cup.jpg')).toContain('release.missing');
  });

  it('refuses what is not there', async () => {
    await expect(p.h.call('faceGroups.rename', { id: 999, name: 'x' })).rejects.toThrow(
      /No face group 999/,
    );
    const [anna] = await p.h.call('faceGroups.list', {});
    await expect(
      p.h.call('faceGroups.attachRelease', { id: anna!.id, releaseId: 999 }),
    ).rejects.toThrow(/No release 999/);
    await expect(p.h.call('faceGroups.split', { id: anna!.id, faceIds: [99_999] })).rejects.toThrow(
      /Not every face named/,
    );
    await expect(p.h.call('assets.list', { query: 'people:maybe' })).rejects.toThrow(
      /people: is yes or no/,
    );
  });

  it('face:<id> (a click in the People view) finds that person only, not a name holding the digits', async () => {
    const groups = await p.h.call('faceGroups.list', {});
    const anna = groups[0];
    const other = groups.find((g) => g.coverAssetId === id('cup.jpg'));
    await p.h.call('faceGroups.rename', { id: other!.id, name: `Room ${anna!.id}0` });
    expect(await found(`face:${anna!.id}`)).toEqual(['anna-1.jpg', 'anna-2.jpg', 'anna-3.jpg']);
    // A name typed whole still finds, digits or not.
    expect((await found(`face:"Room ${anna!.id}0"`)).length).toBe(1);
    await p.h.call('faceGroups.rename', { id: other!.id, name: `${anna!.id}0` });
    expect((await found(`face:${anna!.id}0`)).length).toBe(1);
  });
});
