// src/shared/search-fields.ts tells the renderer which searches AI results cannot change
// (a grid keeps its pages on `assets.changed { only: 'ai' }`). Proven here against the
// compiled SQL: every term it names reads none of the tables the offline AI job writes, every
// field the engine knows is named there or read as reading AI, and for any query the parser
// accepts whose SQL reads those tables, queryReadsAi says so (else the grid goes stale).
import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_AI_FIELDS, STATE_WORDS, queryReadsAi } from '../../../shared/search-fields';
import { fuzzRuns } from '../../test-support/fuzz-runs';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { parseQuery } from '../search/parse-query';
import { compileQuery, NUMBER_FIELDS, QUERY_FIELDS, type QuerySubject } from './compile-query';

/** A value each field accepts (several where the field branches on it). */
const VALUES: Record<string, string[]> = {
  tag: ['Shoes', 'Product|Shoes', '"Running shoes"'],
  keyword: ['Shoes', '"Running shoes"'],
  format: ['jpg', 'raw', 'video', 'spin'],
  camera: ['canon', '"EOS R5"'],
  taken: ['2026', '2026-05-04'],
  folder: ['shoot-2'],
  name: ['img', '"side view"'],
  naming: ['bad', 'ok'],
  kind: ['video', 'spin'],
  color: ['red', 'dark-red'],
  colour: ['red'],
  label: ['red', 'none'],
  flag: ['pick', 'none'],
  sku: ['AB-12'],
  product: ['sneaker', '"Trail runner"'],
  no: ['product'],
  rights: ['expired', 'expiring', 'none'],
  licence: ['getty', '"Shoot 2026"'],
  license: ['getty'],
  approval: ['approved', 'in-review', 'rejected', 'draft'],
  audio: ['yes', 'no'],
  codec: ['h264'],
};
const SUBJECTS: QuerySubject[] = ['asset', 'link', 'product'];

let db: Db;
let dir: string;
let aiTables: RegExp;

beforeAll(async () => {
  dir = await tempDir('search-fields');
  db = openDatabase(`${dir}/library.db`);
  // What the AI job writes (ai_* and their FTS shadows, face groups), the releases it links
  // through them, and the vector search's table function.
  const names = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
    .all()
    .map((r) => r.name)
    .filter((n) => /^ai_|^face_|releases$/.test(n));
  expect(names).toEqual(
    expect.arrayContaining(['ai_words', 'ai_faces', 'ai_embeddings', 'ai_suggestions']),
  );
  aiTables = new RegExp(`\\b(${[...names, 'ai_similar'].join('|')})\\b`, 'i');
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** The query's SQL in every subject, with its rank: the AI tables it reads. */
function readsAi(query: string): boolean {
  const node = parseQuery(query);
  if (node === null) return false;
  return SUBJECTS.some((subject) => {
    const compiled = compileQuery(node, query, subject);
    return aiTables.test(`${compiled.sql} ${compiled.rank?.sql ?? ''}`);
  });
}

describe('the search fields that AI results do not feed (src/shared/search-fields)', () => {
  it('names a value for every field it lists, and only fields the engine knows', () => {
    expect([...NOT_AI_FIELDS].sort()).toEqual(Object.keys(VALUES).sort());
  });

  it('compiles each listed field, plain and negated, to SQL that reads no AI table', () => {
    for (const field of NOT_AI_FIELDS)
      for (const value of VALUES[field] ?? [])
        for (const query of [`${field}:${value}`, `-${field}:${value}`, `NOT (${field}:${value})`])
          expect([query, readsAi(query), queryReadsAi(query)]).toEqual([query, false, false]);
  });

  it('compiles each state word and a comparison on each number field to SQL reading no AI table', () => {
    const queries = [
      ...[...STATE_WORDS].flatMap((w) => [w, w.toUpperCase()]),
      ...NUMBER_FIELDS.flatMap((f) => [`${f}>=1`, `${f}<2`, `${f}=0`]),
    ];
    for (const query of queries)
      expect([query, readsAi(query), queryReadsAi(query)]).toEqual([query, false, false]);
  });

  it('reads every other field the engine knows as reading AI results, as its SQL does', () => {
    const others = QUERY_FIELDS.filter((f) => !NOT_AI_FIELDS.has(f));
    expect(others.length).toBeGreaterThan(0);
    const value: Record<string, string> = {
      ai: 'pending',
      people: 'yes',
      release: 'missing',
      like: '1',
    };
    for (const field of others) {
      const query = `${field}:${value[field] ?? 'x'}`;
      expect([query, readsAi(query), queryReadsAi(query)]).toEqual([query, true, true]);
    }
  });

  it('reads AI where a lone - is a free word, and where a phrase follows a field with a value', () => {
    for (const query of [
      'tag:x -',
      '(tag:x -)',
      'tag:x - ',
      'tag:a: "side view"',
      'tag:a:"side view"',
    ])
      expect([query, readsAi(query), queryReadsAi(query)]).toEqual([query, true, true]);
    for (const query of ['-(tag:x)', '-"x" OR tag:x', 'tag: "side view"'])
      expect([query, queryReadsAi(query)]).toEqual([query, query.includes('"x"')]);
  });

  it('never says "no AI" for a query whose SQL reads AI results (else the grid goes stale)', () => {
    const pieces = [
      ...Object.entries(VALUES).map(([f, v]) => `${f}:${v[0] ?? ''}`),
      ...[...STATE_WORDS],
      'tag:',
      'tag:a:',
      'licence:',
      '"a b"',
      '"',
      'width>=2',
      'duration>30',
      'shoe',
      'ai:pending',
      'face:Ann',
      'text:x',
      'like:1',
      '~',
      '~shoe',
      '-',
      '--',
      '(',
      ')',
      'OR',
      'and',
      'NOT',
      'Ünïcödé',
      'TAG:X',
    ];
    const seps = [' ', '', '  ', '\t'];
    const query = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { maxLength: 7 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(query, (q) => {
        let ai: boolean;
        try {
          ai = readsAi(q);
        } catch {
          return; // refused by the parser or compiler: no list to keep
        }
        if (ai) expect([q, queryReadsAi(q)]).toEqual([q, true]);
      }),
      fuzzRuns(3000),
    );
  });
});
