// The whole semantic path as a user meets it: a CLIP model (the tests' tiny one, real ONNX)
// dropped into the data folder, the AI job embedding every image, `~"red"` and `like:`
// finding them; a new model in place of the old embeds again.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { colourImage, TINY_COLOURS, writeTinyClip } from '../../test-support/tiny-clip';
import { clipFolder } from './semantic-search';

let h: Harness;
const id: Record<string, number> = {};

const names = async (query: string): Promise<string[]> =>
  (await h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name);

async function embed(again = false): Promise<void> {
  const { jobId } = await h.call('analyses.run', { only: ['embedding'], again });
  const summary = await h.call('analyses.wait', { jobId });
  expect(summary).toMatchObject({ state: 'done', errors: 0 });
}

beforeAll(async () => {
  const folder = await tempDir('embedding-job');
  const files = {
    'blue.png': TINY_COLOURS.blue,
    'green.png': TINY_COLOURS.green,
    'red.png': TINY_COLOURS.red,
  };
  for (const [i, [name, rgb]] of Object.entries(files).entries())
    await writeFile(join(folder, name), await colourImage(rgb, 96, i));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id[a.name] = a.id;
});

afterAll(async () => {
  await h.dispose();
});

describe('embeddings made by the AI job', () => {
  it('refuses ~ and an embedding run until a model is there, saying how to add one', async () => {
    await expect(names('~red')).rejects.toThrow(/models\/clip/);
    await expect(h.call('analyses.run', { only: ['embedding'] })).rejects.toThrow(/clip/i);
    expect(
      (await h.call('analyses.status', {})).models.find((m) => m.task === 'embedding'),
    ).toMatchObject({
      available: false,
    });
  });

  it('embeds every image once a model is dropped in, and ~"red" finds the red one first', async () => {
    await writeTinyClip(clipFolder(h.dataDir));
    expect(
      (await h.call('analyses.status', {})).models.find((m) => m.task === 'embedding'),
    ).toMatchObject({
      available: true,
    });
    await embed();
    expect((await h.call('analyses.get', { assetId: id['red.png']! })).hasEmbedding).toBe(true);
    expect((await names('~red'))[0]).toBe('red.png');
    expect((await names('~blue'))[0]).toBe('blue.png');
    expect(await names(`like:${id['red.png']}`)).not.toContain('red.png');
  });

  it('a model replaced in place embeds again', async () => {
    const before = (await h.call('analyses.get', { assetId: id['red.png']! })).runs.find(
      (r) => r.task === 'embedding',
    );
    // Same files, newer times: another model as far as Packshot can tell.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeTinyClip(clipFolder(h.dataDir));
    const stale = (await h.call('analyses.get', { assetId: id['red.png']! })).runs.find(
      (r) => r.task === 'embedding',
    );
    expect(stale?.current).toBe(false);
    await embed();
    const after = (await h.call('analyses.get', { assetId: id['red.png']! })).runs.find(
      (r) => r.task === 'embedding',
    );
    expect(after?.current).toBe(true);
    expect(after?.model).not.toBe(before?.model);
    expect((await names('~red'))[0]).toBe('red.png');
  });
});
