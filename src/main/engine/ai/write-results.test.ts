// What the result writer keeps of a hostile answer: an image vector holding NaN or Infinity
// (a brought model that overflowed) is not stored as the image's embedding; the run records
// why, so ai:error lists it and `ai run --again` can try once the model is replaced.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { openDatabase, type Db } from '../db/open-database';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { writeResults } from './write-results';

describe('writeResults with a vector that is not a number', () => {
  let p: PhotoHarness;
  let db: Db;
  beforeAll(async () => {
    p = await startWithPhotos('write-results', ['a.jpg', 'b.jpg'], 70);
    db = openDatabase(join(p.h.dataDir, 'packshot.db'));
  });
  afterAll(async () => {
    db.close();
    await p.dispose();
  });

  const embed = (name: string, vector: Float32Array) => {
    const repo = new AiResultsRepo(db);
    const assetId = p.id[name]!;
    writeResults(db, repo, {
      assetId,
      hash: repo.hashOf(assetId)!,
      tasks: [{ task: 'embedding', model: 'tiny' }],
      analysis: { embedding: { model: 'tiny', vector }, errors: {} },
    });
    return {
      stored: db.prepare('SELECT count(*) AS n FROM ai_embeddings WHERE asset_id = ?').get(assetId),
      error: (
        db
          .prepare("SELECT error FROM ai_runs WHERE asset_id = ? AND task = 'embedding'")
          .get(assetId) as { error: string | null }
      ).error,
    };
  };

  it('stores a finite vector, and records an error for NaN or Infinity', async () => {
    expect(embed('a.jpg', Float32Array.of(0.6, 0.8))).toEqual({ stored: { n: 1 }, error: null });
    const bad = embed('b.jpg', Float32Array.of(NaN, 0.8));
    expect(bad.stored).toEqual({ n: 0 });
    expect(bad.error).toMatch(/not a number/);
    expect(embed('a.jpg', Float32Array.of(Infinity, 0)).stored).toEqual({ n: 0 });
    const found = await p.h.call('assets.list', { query: 'ai:error', limit: 10 });
    expect(found.items.map((a) => a.name).sort()).toEqual(['a.jpg', 'b.jpg']);
  });
});
