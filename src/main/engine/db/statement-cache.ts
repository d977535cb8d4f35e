// One cache of prepared statements per connection, handed out by the db layer.
// better-sqlite3 compiles SQL on every prepare(), which costs more than the query itself on
// small rows (indexing a file, importing 10,000 products); repositories prepare through
// statements(db) in hot paths instead. db.prepare() itself stays uncached and honest.
import type { Db } from './open-database';

/** Something that prepares statements, as a Db does. */
export type Preparer = Pick<Db, 'prepare'>;
type Statement = ReturnType<Db['prepare']>;

/** Bounded: statements with IN-lists vary in length, and each holds compiled SQL. */
const LIMIT = 500;

const caches = new WeakMap<Db, Preparer>();

/** The connection's one statement cache (made on first use). */
export function statements(db: Db): Preparer {
  let preparer = caches.get(db);
  if (!preparer) {
    preparer = cacheFor(db);
    caches.set(db, preparer);
  }
  return preparer;
}

function cacheFor(db: Db): Preparer {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement?.busy) return db.prepare(sql); // still iterating: a nested use needs its own
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    } else if (statement.reader) {
      // Shared by every caller of this SQL: undo the modes an earlier caller set.
      statement.raw(false).pluck(false).expand(false);
    }
    return statement;
  };
  return { prepare: prepare as Db['prepare'] };
}
