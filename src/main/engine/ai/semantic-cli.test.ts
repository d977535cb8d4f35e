// The real `packshot` command line searches by meaning and look with --query: the built
// bundle loads the CLIP model (its own chunk, onnxruntime-node) in the command's process.
// The vectors are written here, as the AI job would write them (the job is not part of this).
import { rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackshot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { colourImage, TINY_COLOURS, writeTinyClip } from '../../test-support/tiny-clip';
import { openDatabase } from '../db/open-database';
import { EmbeddingRepo } from '../repositories/embedding-repo';
import { visionInput } from '../tools/ai/ai-input';
import { loadClip } from '../tools/ai/clip';
import { clipFolder } from './semantic-search';

let data: string;
let folder: string;

const assets = (query: string): { status: number | null; names: string[]; stderr: string } => {
  const run = runPackshot(data, ['assets', '--json', '--query', query]);
  const names =
    run.status === 0
      ? (JSON.parse(run.stdout) as { path: string }[]).map((a) => basename(a.path))
      : [];
  return { status: run.status, names, stderr: run.stderr };
};

beforeAll(async () => {
  data = await tempDir('semantic-cli-data');
  folder = await tempDir('semantic-cli');
  for (const [name, rgb] of Object.entries(TINY_COLOURS))
    await writeFile(join(folder, `${name}.png`), await colourImage(rgb, 96));
  expect(runPackshot(data, ['catalog', 'add', folder]).status).toBe(0);
  expect(runPackshot(data, ['scan']).status).toBe(0);
});

afterAll(async () => {
  await rm(data, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

describe('packshot assets --query with ~ and like:', () => {
  it('without a model: ~ exits 2 saying where the model goes; like: ranks by look', () => {
    const refused = assets('~"red shoe"');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /~ searches by meaning with a model you bring\. No semantic search model: put .* in .*models\/clip/,
    );
  });

  it('with the model and the vectors: ~"red" finds the red image', async () => {
    await writeTinyClip(clipFolder(data));
    const model = await loadClip(clipFolder(data));
    const db = openDatabase(join(data, 'packshot.db'));
    try {
      const ids = db.prepare('SELECT id, name FROM assets').all() as { id: number; name: string }[];
      const repo = new EmbeddingRepo(db);
      for (const { id, name } of ids) {
        const rgb = TINY_COLOURS[name.replace('.png', '') as keyof typeof TINY_COLOURS];
        repo.put(
          id,
          model.id,
          await model.embedImage(await visionInput(await colourImage(rgb, 96))),
        );
      }
    } finally {
      db.close();
    }
    expect(assets('~"red"')).toMatchObject({ status: 0, names: ['red.png'] });
    expect(assets('NOT ~"red"').names).toEqual(['blue.png', 'green.png']);
  });
});
