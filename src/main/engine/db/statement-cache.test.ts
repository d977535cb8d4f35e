// The connection's one statement cache: compiled once per SQL text, yet safe to share.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statements } from './statement-cache';

function memoryDb() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);');
  return db;
}

describe('statement cache', () => {
  it('hands out one statement per SQL text and connection; db.prepare stays uncached', () => {
    const db = memoryDb();
    const other = memoryDb();
    const sql = 'SELECT n FROM t ORDER BY n';
    expect(statements(db)).toBe(statements(db));
    expect(statements(db).prepare(sql)).toBe(statements(db).prepare(sql));
    expect(statements(other).prepare(sql)).not.toBe(statements(db).prepare(sql));
    expect(db.prepare(sql)).not.toBe(db.prepare(sql));
  });

  it('undoes an earlier caller’s modes, and gives a nested use its own statement', () => {
    const db = memoryDb();
    const sql = 'SELECT n FROM t ORDER BY n';
    expect(statements(db).prepare(sql).pluck().all()).toEqual([1, 2, 3]);
    expect(statements(db).prepare(sql).all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(statements(db).prepare(sql).raw().all()).toEqual([[1], [2], [3]]);
    expect(statements(db).prepare(sql).get()).toEqual({ n: 1 });

    const pairs: number[][] = [];
    for (const outer of statements(db).prepare<[], { n: number }>(sql).iterate())
      for (const inner of statements(db).prepare<[], { n: number }>(sql).all())
        pairs.push([outer.n, inner.n]);
    expect(pairs).toHaveLength(9);
  });
});
