// ai:<label> at 100,000 assets: the suggestions of that label are found through an index,
// not by reading every suggestion of the library (three or more per analysed photo).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { parseQuery } from '../search/parse-query';
import { compileQuery } from './compile-query';

describe('ai:<label>', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = await tempDir('ai-terms');
    db = openDatabase(join(dir, 'packshot.db'));
  });
  afterAll(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('looks the label up by index', () => {
    const q = 'ai:"wine glass"';
    const { sql, params } = compileQuery(parseQuery(q) as never, q);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM assets a WHERE ${sql}`)
      .all(...params) as { detail: string }[];
    const details = plan.map((p) => p.detail);
    // Every way into ai_suggestions (alias s) is the label's index.
    const suggestions = details.filter((d) => /^(SEARCH|SCAN) s\b/.test(d));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const d of suggestions) expect(d).toMatch(/^SEARCH s USING INDEX ai_suggestions_by_path/);
  });
});
