// The AI job end to end in a real engine, with the real models on real photos (run on this
// thread: from the sources there is no built AI process; run-ai-worker.test.ts covers it).
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/job-dto';
import { openDatabase } from '../db/open-database';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { makePdf } from '../../test-support/sample-pdfs';
import { textImage } from '../../test-support/text-images';
import { hasSamplePhotos, NO_SAMPLE_PHOTOS, samplePhoto } from '../../test-support/sample-photos';

describe.skipIf(!hasSamplePhotos)(`the AI job over a catalog (${NO_SAMPLE_PHOTOS})`, () => {
  let h: Harness;
  let folder: string;
  const id: Record<string, number> = {};

  const run = async (args: { query?: string; again?: boolean } = {}) => {
    const { jobId } = await h.call('analyses.run', args);
    return h.call('analyses.wait', { jobId });
  };
  const find = async (query: string): Promise<string[]> =>
    (await h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name).sort();

  beforeAll(async () => {
    folder = await tempDir('ai-job');
    await copyFile(samplePhoto('coffee.png'), join(folder, 'coffee.png'));
    await copyFile(samplePhoto('astronaut.png'), join(folder, 'astronaut.png'));
    await writeFile(join(folder, 'banner.png'), await textImage(['SALE 50% OFF', 'SKU ACME-1042']));
    await writeFile(join(folder, 'broken.png'), Buffer.from('not a picture at all, only text'));
    // A grey card: nothing in it.
    await sharp({ create: { width: 320, height: 240, channels: 3, background: '#808080' } })
      .png()
      .toFile(join(folder, 'plain.png'));
    h = await startHarness();
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    for (const a of await h.all()) id[a.name] = a.id;
  }, 60_000);

  afterAll(async () => {
    await h?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('analyses every image once, and says what it found', async () => {
    // A one-shot engine (the CLI's) analyses only when asked.
    expect((await h.call('jobs.list', {})).map((j) => j.name)).not.toContain('ai');
    expect((await h.call('analyses.status', {})).pending).toBe(5);
    const changed: unknown[] = [];
    const stop = h.engine.subscribe((name, payload) => {
      if (name === 'assets.changed') changed.push(payload);
    });
    const summary = await run().finally(stop);
    expect(summary).toMatchObject({ state: 'done', analysed: 5, texts: 1, errors: 1 });
    expect(summary.faces).toBeGreaterThanOrEqual(1);
    // Results only, no release linked: lists whose search reads no AI results keep their pages.
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed.map((c) => JSON.stringify(c)))).toEqual(
      new Set([JSON.stringify({ catalogId: null, only: 'ai' })]),
    );

    const coffee = await h.call('analyses.get', { assetId: id['coffee.png']! });
    expect(coffee.objects.map((o) => o.label)).toContain('cup');
    expect(coffee.suggestions).toContainEqual(
      expect.objectContaining({ tagPath: 'AI|Object|Cup', state: 'pending', source: 'objects' }),
    );
    expect(coffee.people).toBe(0);
    expect(coffee.runs.every((r) => r.current && r.error === null)).toBe(true);

    const astronaut = await h.call('analyses.get', { assetId: id['astronaut.png']! });
    expect(astronaut.faces).toHaveLength(1);
    expect(astronaut.people).toBe(1);
    expect(astronaut.objects.map((o) => o.label)).toContain('person');

    const banner = await h.call('analyses.get', { assetId: id['banner.png']! });
    expect(banner.text?.text).toContain('SALE 50% OFF');

    const broken = await h.call('analyses.get', { assetId: id['broken.png']! });
    expect(broken.runs.map((r) => r.task).sort()).toEqual(['faces', 'objects', 'text']);
    expect(broken.runs.every((r) => r.error !== null)).toBe(true);

    // Nothing is due any more: a second run does nothing.
    expect((await h.call('analyses.status', {})).pending).toBe(0);
    expect(await run()).toMatchObject({ analysed: 0 });
  }, 120_000);

  it('finds them by ai: terms and free words', async () => {
    expect(await find('ai:cup')).toEqual(['coffee.png']);
    expect(await find('cup')).toEqual(['coffee.png']);
    expect(await find('ai:person')).toEqual(['astronaut.png']);
    expect(await find('people')).toEqual(['astronaut.png']);
    expect(await find('sale')).toEqual(['banner.png']);
    expect(await find('ai:error')).toEqual(['broken.png']);
    expect(await find('ai:pending')).toEqual(
      expect.arrayContaining(['astronaut.png', 'coffee.png']),
    );
    expect(await find('ai:"wine glass"')).toEqual([]);
    expect(await find('ai:none')).toEqual(['plain.png']);
    expect(await find('ai:analysed')).toHaveLength(5);
  });

  it('shows, finds and accepts only what reaches the threshold', async () => {
    // The cup is seen at about 0.45.
    await h.call('analyses.configure', { threshold: 0.9 });
    expect(await find('ai:cup')).toEqual([]);
    expect(await find('cup')).toEqual([]);
    expect((await h.call('analyses.get', { assetId: id['coffee.png']! })).suggestions).toEqual([]);
    expect(await h.call('suggestions.accept', { assetIds: [id['coffee.png']!] })).toEqual({
      accepted: 0,
      assets: 0,
    });
    await h.call('analyses.configure', { threshold: 0.4 });
    expect(await find('cup')).toEqual(['coffee.png']);
  });

  it('accepts a suggestion as a real tag, which undo takes off again', async () => {
    const accepted = await h.call('suggestions.accept', {
      query: 'ai:cup',
      tagPaths: ['AI|Object|Cup'],
    });
    expect(accepted).toEqual({ accepted: 1, assets: 1 });
    expect((await h.call('assets.get', { id: id['coffee.png']! })).keywords).toContain(
      'AI|Object|Cup',
    );
    expect(await find('tag:Cup')).toEqual(['coffee.png']);
    expect(await find('ai:cup')).toEqual(['coffee.png']); // accepted still counts

    await h.call('edits.undo', {});
    expect((await h.call('assets.get', { id: id['coffee.png']! })).keywords).not.toContain(
      'AI|Object|Cup',
    );
    const coffee = await h.call('analyses.get', { assetId: id['coffee.png']! });
    expect(coffee.suggestions.find((s) => s.tagPath === 'AI|Object|Cup')?.state).toBe('pending');
  });

  it('keeps a rejection, and a face’s group, through a run again', async () => {
    // As a user's grouping leaves it (face groups): a named group, the face pinned.
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    try {
      db.prepare(`INSERT INTO face_groups (id, name, created_at) VALUES (7, 'Eileen', 0)`).run();
      db.prepare('UPDATE ai_faces SET group_id = 7, pinned = 1 WHERE asset_id = ?').run(
        id['astronaut.png'],
      );
    } finally {
      db.close();
    }
    const rejected = await h.call('suggestions.reject', {
      assetIds: [id['astronaut.png']!],
      tagPaths: ['AI|Object|Person'],
    });
    expect(rejected).toEqual({ rejected: 1, assets: 1 });
    expect(await find('ai:person')).toEqual([]);
    expect(await run({ query: 'name:astronaut', again: true })).toMatchObject({ analysed: 1 });
    const astronaut = await h.call('analyses.get', { assetId: id['astronaut.png']! });
    expect(astronaut.suggestions.find((s) => s.tagPath === 'AI|Object|Person')?.state).toBe(
      'rejected',
    );
    expect(astronaut.faces).toMatchObject([{ groupId: 7, groupName: 'Eileen' }]);
    expect(await find('ai:person')).toEqual([]);
    // Still someone in the frame: the face.
    expect(await find('people')).toEqual(['astronaut.png']);
  }, 60_000);

  it('runs a changed file again, and only that one', async () => {
    await writeFile(join(folder, 'banner.png'), await textImage(['FREE SHIPPING']));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const stale = await h.call('analyses.get', { assetId: id['banner.png']! });
    expect(stale.runs.every((r) => !r.current)).toBe(true);
    expect(await run()).toMatchObject({ analysed: 1, texts: 1 });
    const banner = await h.call('analyses.get', { assetId: id['banner.png']! });
    expect(banner.text?.text).toContain('FREE SHIPPING');
    expect(await find('sale')).toEqual([]);
    expect(await find('shipping')).toEqual(['banner.png']);
  }, 60_000);

  it('analyses a document through the still the grid shows (page 1)', async () => {
    await writeFile(join(folder, 'manual.pdf'), makePdf({ pages: [['Quick start', 'Step 1']] }));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await run({ query: 'kind:document' })).toMatchObject({ analysed: 1, errors: 0 });
    const manual = (await h.all()).find((a) => a.name === 'manual.pdf')!;
    const ai = await h.call('analyses.get', { assetId: manual.id });
    expect(ai.runs.map((r) => [r.task, r.error, r.current])).toEqual([
      ['faces', null, true],
      ['objects', null, true],
      ['text', null, true],
    ]);
    await rm(join(folder, 'manual.pdf'));
    await h.call('catalogs.scan', {});
  }, 60_000);

  it('stops between images while paused, and goes on when resumed', async () => {
    const progress: JobInfo[] = [];
    const stop = h.engine.subscribe((name, payload) => {
      const job = (payload as { job?: JobInfo | null }).job;
      if (name === 'jobs.changed' && job?.name === 'ai') progress.push(job);
    });
    try {
      const { jobId } = await h.call('analyses.run', {
        query: 'coffee OR astronaut OR banner',
        again: true,
      });
      // Paused as soon as the first image is written.
      for (;;) {
        const job = progress.filter((j) => j.id === jobId).pop();
        if (job && job.progress.done >= 1) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await h.call('analyses.pause', {});
      const at = progress.filter((j) => j.id === jobId).pop()!.progress.done;
      await new Promise((r) => setTimeout(r, 1500));
      const held = (await h.call('jobs.list', {})).find((j) => j.id === jobId)!;
      expect(held.state).toBe('running');
      // At most the image in progress when the pause came was finished.
      expect(held.progress.done).toBeLessThanOrEqual(at + 1);
      expect(held.progress.done).toBeLessThan(3);
      expect((await h.call('analyses.status', {})).paused).toBe(true);
      await h.call('analyses.resume', {});
      expect(await h.call('analyses.wait', { jobId })).toMatchObject({
        state: 'done',
        analysed: 3,
      });
    } finally {
      stop();
    }
  }, 90_000);

  it('resumes a run cut short by a restart, from what is left', async () => {
    await h.call('analyses.pause', {});
    const { jobId } = await h.call('analyses.run', { query: 'coffee OR astronaut', again: true });
    await eventually(
      async () => (await h.call('jobs.list', {})).find((j) => j.id === jobId)?.state === 'running',
      'the AI job waits, paused',
    );
    // Closed while waiting: the row is left queued; an engine that resumes jobs takes it.
    await h.restart({ resumeJobs: true });
    await h.call('analyses.resume', {});
    expect(await h.call('analyses.wait', { jobId })).toMatchObject({ state: 'done', analysed: 2 });
    expect((await h.call('analyses.status', {})).pending).toBe(0);
  }, 60_000);
});

describe.skipIf(!hasSamplePhotos)(`a live engine (${NO_SAMPLE_PHOTOS})`, () => {
  it('analyses what indexing brought in, without being asked', async () => {
    const folder = await tempDir('ai-live');
    const h = await startHarness({ watch: true });
    try {
      await h.call('catalogs.add', { path: folder });
      await copyFile(samplePhoto('coffee.png'), join(folder, 'coffee.png'));
      await eventually(
        async () => (await h.call('assets.list', { query: 'ai:cup', limit: 10 })).total === 1,
        'the new photo analysed after it was indexed',
        60_000,
      );
      expect((await h.call('jobs.list', {})).find((j) => j.name === 'ai')?.label).toBe(
        'Analyse images',
      );
    } finally {
      await h.dispose();
      await rm(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
