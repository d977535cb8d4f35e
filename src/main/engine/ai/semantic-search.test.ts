// `~"…"` and `like:` end to end on a real engine: a tiny CLIP model built by the test
// (real ONNX files run by onnxruntime-node), generated coloured images indexed for real,
// their vectors computed with loadClip and stored through EmbeddingRepo from a second
// connection (the AI job writes them in the app; here the test does, so the search path is
// tested on its own), and searches through the validating edge.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { colourImage, TINY_COLOURS, writeTinyClip } from '../../test-support/tiny-clip';
import { openDatabase, type Db } from '../db/open-database';
import { EmbeddingRepo } from '../repositories/embedding-repo';
import { SemanticIndex } from '../repositories/semantic-index';
import { visionInput } from '../tools/ai/ai-input';
import { loadClip } from '../tools/ai/clip';
import { clipFolder } from './semantic-search';

const FILES: Record<string, readonly [number, number, number]> = {
  'a-blue.png': TINY_COLOURS.blue,
  'b-green.png': TINY_COLOURS.green,
  'c-red-dark.png': [160, 40, 40],
  'd-red.png': TINY_COLOURS.red,
};

let h: Harness;
let folder: string;
let db: Db;
const id: Record<string, number> = {};

const names = async (query: string, sort?: 'name' | 'size'): Promise<string[]> =>
  (await h.call('assets.list', { query, limit: 100, ...(sort ? { sort } : {}) })).items.map(
    (a) => a.name,
  );

/** What the AI job does for each image, done here through the repository. */
async function embedAll(): Promise<void> {
  const model = await loadClip(clipFolder(h.dataDir));
  const repo = new EmbeddingRepo(db);
  for (const [name, rgb] of Object.entries(FILES))
    repo.put(
      id[name] as number,
      model.id,
      await model.embedImage(await visionInput(await colourImage(rgb, 96))),
    );
}

beforeAll(async () => {
  folder = await tempDir('semantic');
  for (const [i, [name, rgb]] of Object.entries(FILES).entries())
    await writeFile(join(folder, name), await colourImage(rgb, 96, i));
  h = await startHarness();
  await writeTinyClip(clipFolder(h.dataDir));
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id[a.name] = a.id;
  db = openDatabase(join(h.dataDir, 'packshot.db'));
  await embedAll();
});

afterAll(async () => {
  db.close();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('~"…" with a model', () => {
  it('ranks by meaning: "red" finds the red images, the reddest first, whatever the sort', async () => {
    expect(await names('~"red"')).toEqual(['d-red.png', 'c-red-dark.png']);
    expect(await names('~"a red shoe on rocks"', 'size')).toEqual(['d-red.png', 'c-red-dark.png']);
    expect(await names('~blue')).toEqual(['a-blue.png']);
    // A word the model has no meaning for matches nothing rather than everything.
    expect(await names('~"shoe"')).toEqual([]);
  });

  it('combines with other terms, and NOT and OR', async () => {
    await h.call('assets.edit', { ids: [id['c-red-dark.png'] as number], rating: 3 });
    expect(await names('~"red" rating>=3')).toEqual(['c-red-dark.png']);
    expect(await names('NOT ~"red"')).toEqual(['a-blue.png', 'b-green.png']);
    // Each match by its best similarity: the two pure colours (both near 1) before the dark red.
    const either = await names('~green OR ~red');
    expect(either.slice(0, 2).sort()).toEqual(['b-green.png', 'd-red.png']);
    expect(either[2]).toBe('c-red-dark.png');
    // Bulk edits by query take the same path (the text is embedded before the ids are read).
    await h.call('tags.applyQuery', { query: '~"red"', path: 'Colour|Red' });
    expect(await names('tag:Red')).toEqual(['c-red-dark.png', 'd-red.png']);
  });

  it('a smart collection of ~"red" lists and counts its matches, ranked', async () => {
    const saved = await h.call('collections.save', { name: 'Reds', query: '~"red"' });
    const listed = await h.call('assets.list', { collectionId: saved.id, sort: 'name', limit: 10 });
    expect(listed.items.map((a) => a.name)).toEqual(['d-red.png', 'c-red-dark.png']);
    const all = await h.call('collections.list', {});
    expect(all.find((c) => c.id === saved.id)?.count).toBe(2);
  });

  it('like:<id> ranks by the vectors when the asset has one', async () => {
    expect(await names(`like:${id['d-red.png']}`)).toEqual(['c-red-dark.png']);
    expect(await names(`like:${id['a-blue.png']}`)).toEqual([]);
  });

  it('a new model (other files) leaves the old vectors unsearched until embedded again', async () => {
    const settings = join(clipFolder(h.dataDir), 'packshot-clip.json');
    await writeFile(settings, JSON.stringify({ textFloor: 0.95 }));
    await expect(h.call('assets.list', { query: '~"red"' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        /^~ has no images to search yet: the AI job embeds them with the model in the background \(packshot ai run --only embedding\) \(at column 1\)/,
      ) as unknown,
    });
    await embedAll();
    // Only the pure red clears the floor packshot-clip.json raised.
    expect(await names('~"red"')).toEqual(['d-red.png']);
    await rm(settings);
    await embedAll();
  });
});

describe('like:<id> without vectors', () => {
  it('ranks by perceptual hash and dominant colours', async () => {
    new EmbeddingRepo(db).remove(id['d-red.png'] as number);
    expect(await names(`like:${id['d-red.png']}`)).toEqual(['c-red-dark.png']);
    expect(await names(`like:${id['b-green.png']}`)).toEqual([]);
    await embedAll();
  });

  it('a search that was not ranked first says so, rather than finding nothing', () => {
    const index = new SemanticIndex(db, clipFolder(h.dataDir));
    expect(() => db.prepare(`SELECT id FROM ai_similar('like', '1')`).all()).toThrow(
      /like:1 was not ranked before the search ran: search again/,
    );
    index.rank('like', String(id['d-red.png']));
    expect(db.prepare(`SELECT id FROM ai_similar('like', ?)`).all(String(id['d-red.png']))).toEqual(
      [{ id: id['c-red-dark.png'] }],
    );
  });

  it('refuses an id that is not one, with the caret', async () => {
    await expect(h.call('assets.list', { query: 'like:red' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/like: wants an asset's id, like:123/) as unknown,
    });
  });
});

describe('without a model', () => {
  it('~"…" is a query error that says how to add one; like: still works', async () => {
    await rm(clipFolder(h.dataDir), { recursive: true });
    try {
      const error = await h
        .call('assets.list', { query: 'rating>=0 ~"red shoe"' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_argument' });
      const { message } = error as Error;
      expect(message).toMatch(
        /~ searches by meaning with a model you bring\. No semantic search model: put a CLIP image encoder \(vision_model\.onnx\), its text encoder \(text_model\.onnx\) and tokenizer\.json in .*models\/clip \(see the README, "Semantic search"\)/,
      );
      expect(message).toMatch(/\(at column 11\)\n {2}rating>=0 ~"red shoe"\n {12}\^/);
      expect(await names(`like:${id['d-red.png']}`)).toEqual(['c-red-dark.png']);
    } finally {
      await writeTinyClip(clipFolder(h.dataDir));
      await embedAll();
    }
  });

  it('a damaged text encoder is named', async () => {
    await writeFile(join(clipFolder(h.dataDir), 'text_model.onnx'), 'half a download');
    await embedAll(); // the images embed (their encoder is sound); the text cannot
    try {
      await expect(h.call('assets.list', { query: '~"green"' })).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(
          /Semantic search cannot use its model: The text encoder .*text_model\.onnx cannot be loaded \(Protobuf parsing failed\.\)/,
        ) as unknown,
      });
    } finally {
      await writeTinyClip(clipFolder(h.dataDir));
      await embedAll();
    }
  });
});
