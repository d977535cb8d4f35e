// People found by the real models feed the rights check: a photo of the astronaut with no
// release is blocked; a model release attached to her face group clears it, and a second
// photo of her (a crop) joins the group and is covered too. The AI rows are written as the
// AI job's writer would, through a second connection (test-support/ai-rows.ts), since the
// job is built apart.
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnalysis } from '../../test-support/ai-rows';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';
import { tempDir } from '../../test-support/sample-images';
import { hasSamplePhotos, samplePhoto } from '../../test-support/sample-photos';
import { openDatabase, type Db } from '../db/open-database';
import { addDays, today } from '../rights/licence-dates';
import { analyseImage, closeModels } from '../tools/ai/analyse-image';
import { groupNewFaces } from './face-grouping';

const NEEDS = '(needs python3-skimage’s sample photos: .ci/run unpacks them)';

describe.skipIf(!hasSamplePhotos)(`faces, groups and releases in the rights check ${NEEDS}`, () => {
  let h: Harness;
  let db: Db;
  let folder: string;
  const id: Record<string, number> = {};

  const analyse = async (name: string): Promise<void> => {
    const found = await analyseImage({ source: join(folder, name), tasks: ['objects', 'faces'] });
    expect(found.errors).toEqual({});
    writeAnalysis(db, id[name]!, found);
  };
  const codes = async (name: string): Promise<string[]> => {
    const [checked] = await h.call('rights.check', { assetIds: [id[name]!], channel: 'amazon' });
    return checked!.reasons.map((r) => r.code);
  };
  /** Pre-flight's rights failures for the product whose main image is the astronaut. */
  const preflight = async (): Promise<string[]> =>
    (await h.call('exports.check', { channels: ['tiny'] })).items.flatMap((i) =>
      i.checks.filter((c) => c.check === 'rights' && c.level === 'fail').map((c) => c.reason),
    );
  const found = async (query: string): Promise<string[]> =>
    (await h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name).sort();

  beforeAll(async () => {
    folder = await tempDir('faces');
    await copyFile(samplePhoto('astronaut.png'), join(folder, 'astronaut.png'));
    await copyFile(samplePhoto('coffee.png'), join(folder, 'coffee.png'));
    // Her again, framed closer: the face larger, the flag and helmet gone.
    await sharp(samplePhoto('astronaut.png'))
      .extract({ left: 80, top: 0, width: 340, height: 380 })
      .toFile(join(folder, 'closer.png'));
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    for (const a of await h.all()) id[a.name] = a.id;
    seedProducts(h.dataDir, [
      { sku: 'SUIT-1', links: [{ assetId: id['astronaut.png']!, role: 'main' }] },
    ]);
    await h.call('presets.save', { id: 'tiny', preset: tinyPreset({ channel: 'tiny' }) });
    db = openDatabase(join(h.dataDir, 'packshot.db'));
    await analyse('astronaut.png');
    await analyse('coffee.png');
  });
  afterAll(async () => {
    db.close();
    await h.dispose();
    await closeModels();
    await rm(folder, { recursive: true, force: true });
  });

  it('blocks the astronaut without a release, not the cup; finds her as people:yes', async () => {
    expect(groupNewFaces(db)).toEqual({ grouped: 1, started: 1, linked: 0 });
    expect(await codes('astronaut.png')).toContain('release.missing');
    expect(await codes('coffee.png')).not.toContain('release.missing');
    expect(await preflight()).toEqual([
      'a person is in the frame and no model release is recorded',
    ]);
    expect(await found('people:yes')).toEqual(['astronaut.png']);
    expect(await found('release:missing')).toEqual(['astronaut.png']);
    expect(await found('people:no')).toEqual(['closer.png', 'coffee.png']);
  });

  it('a release attached to her face group clears her, in one undo step', async () => {
    const [group] = await h.call('faceGroups.list', {});
    expect(group).toMatchObject({
      name: null,
      faces: 1,
      assets: 1,
      coverAssetId: id['astronaut.png'],
    });
    // The cover's box is her face: upper middle of the portrait.
    expect(group!.coverBox.y).toBeLessThan(0.4);
    const release = await h.call('releases.create', {
      kind: 'model',
      subject: 'Eileen Collins',
      signedOn: addDays(today(), -30),
    });
    const named = await h.call('faceGroups.rename', { id: group!.id, name: 'Eileen Collins' });
    expect(named.name).toBe('Eileen Collins');
    expect(
      await h.call('faceGroups.attachRelease', { id: group!.id, releaseId: release.id }),
    ).toEqual({
      assets: 1,
    });
    expect(await codes('astronaut.png')).not.toContain('release.missing');
    expect(await preflight()).toEqual([]);
    expect(await found('release:ok')).toEqual(['astronaut.png']);
    expect(await found('release:missing')).toEqual([]);
    expect(await found('face:eileen')).toEqual(['astronaut.png']);

    await h.call('edits.undo', {});
    expect(await codes('astronaut.png')).toContain('release.missing');
    expect((await h.call('faceGroups.list', {}))[0]!.releaseIds).toEqual([]);
    await h.call('edits.redo', {});
    expect(await codes('astronaut.png')).not.toContain('release.missing');
    expect((await h.call('faceGroups.list', {}))[0]!.releaseIds).toEqual([release.id]);
    const audit = await h.call('auditEntries.list', {
      subject: { kind: 'asset', id: String(id['astronaut.png']) },
    });
    expect(audit.map((e) => e.action)).toEqual(['release.attach', 'release.undo', 'release.redo']);
  });

  it('a second photo of her joins the group and is covered; split off, it is not', async () => {
    await analyse('closer.png');
    expect(await codes('closer.png')).toContain('release.missing');
    expect(groupNewFaces(db)).toEqual({ grouped: 1, started: 0, linked: 1 });
    const [group] = await h.call('faceGroups.list', {});
    expect(group).toMatchObject({ name: 'Eileen Collins', faces: 2, assets: 2 });
    expect(await codes('closer.png')).not.toContain('release.missing');
    expect(await found('face:"Eileen Collins"')).toEqual(['astronaut.png', 'closer.png']);
    expect(await found(`face:${group!.id}`)).toEqual(['astronaut.png', 'closer.png']);

    // The user says the closer photo is someone else: it leaves the group and its release.
    const [face] = db
      .prepare('SELECT id, pinned FROM ai_faces WHERE asset_id = ?')
      .all(id['closer.png']) as { id: number }[];
    const apart = await h.call('faceGroups.split', { id: group!.id, faceIds: [face!.id] });
    expect(apart).toMatchObject({ faces: 1, assets: 1, coverAssetId: id['closer.png'] });
    expect(db.prepare('SELECT pinned FROM ai_faces WHERE id = ?').get(face!.id)).toEqual({
      pinned: 1,
    });
    expect(await codes('closer.png')).toContain('release.missing');
    expect(await codes('astronaut.png')).not.toContain('release.missing');
    // Merged back, the release follows.
    const merged = await h.call('faceGroups.merge', { into: group!.id, from: [apart.id] });
    expect(merged).toMatchObject({ faces: 2, assets: 2, releaseIds: group!.releaseIds });
    expect(await codes('closer.png')).not.toContain('release.missing');
    expect((await h.call('faceGroups.list', {})).map((g) => g.id)).toEqual([group!.id]);
  });
});
