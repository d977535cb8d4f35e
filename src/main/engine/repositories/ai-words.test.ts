// A new threshold rewrites the free words of the assets whose shown suggestions change,
// and only those: at 100,000 analysed assets a rewrite of every row held the write lock
// for tens of seconds on a preference change.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { openDatabase, type Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { AiResultsRepo } from './ai-results-repo';

describe('free words when the threshold moves', () => {
  let p: PhotoHarness;
  let db: Db;
  let repo: AiResultsRepo;
  const box = { x: 0.1, y: 0.1, w: 0.3, h: 0.3 };
  const labels = (id: number): string =>
    (db.prepare('SELECT labels FROM ai_words WHERE rowid = ?').get(id) as { labels: string })
      .labels;

  beforeAll(async () => {
    p = await startWithPhotos('ai-words', ['a.jpg', 'b.jpg', 'c.jpg'], 40);
    db = openDatabase(join(p.h.dataDir, 'packshot.db'));
    repo = new AiResultsRepo(db);
    const found: Record<string, [string, number][]> = {
      'a.jpg': [['cup', 0.3]],
      'b.jpg': [['bottle', 0.5]],
      'c.jpg': [['chair', 0.9]],
    };
    writeTransaction(db, () => {
      for (const [name, objects] of Object.entries(found)) {
        const id = p.id[name]!;
        repo.replaceObjects(
          id,
          objects.map(([label, confidence]) => ({ label, confidence, ...box })),
        );
        repo.writeRun(id, 'objects', 'some-hash', 'some-model', null);
        repo.writeWords(id, 0.4);
      }
    });
  });
  afterAll(async () => {
    db.close();
    await p.dispose();
  });

  it('rewrites the assets with a suggestion between the two thresholds', () => {
    expect([labels(p.id['a.jpg']!), labels(p.id['b.jpg']!), labels(p.id['c.jpg']!)]).toEqual([
      '',
      'bottle',
      'chair',
    ]);
    expect(writeTransaction(db, () => repo.rewriteWordsBetween(0.4, 0.6))).toBe(1);
    expect(labels(p.id['b.jpg']!)).toBe('');
    expect(writeTransaction(db, () => repo.rewriteWordsBetween(0.6, 0.25))).toBe(2);
    expect([labels(p.id['a.jpg']!), labels(p.id['b.jpg']!), labels(p.id['c.jpg']!)]).toEqual([
      'cup',
      'bottle',
      'chair',
    ]);
  });
});
