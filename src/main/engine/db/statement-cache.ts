import type { Db } from './open-database';

/** Something that prepares statements, as a Db does. */
export type Preparer = Pick<Db, 'prepare'>;

/**
 * Prepares each SQL text once: better-sqlite3 compiles on every prepare(), which dominates
 * row-at-a-time work such as importing 10,000 products.
 */
export function statementCache(db: Db): Preparer {
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const prepare = (sql: string): ReturnType<Db['prepare']> => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return { prepare: prepare as Db['prepare'] };
}
