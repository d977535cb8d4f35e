// writeTransaction: IMMEDIATE (the write lock taken at BEGIN), savepoints when nested, the
// whole transaction retried while SQLite answers busy, boundedly; afterCommit's hooks (after the
// outermost commit, never after a rollback or a refused try); and the lint rule that keeps
// bare `.transaction(` out of the engine.
import Database from 'better-sqlite3';
import { Linter, type Rule } from 'eslint';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { isBusy } from './busy-retry';
import { afterCommit, writeTransaction } from './write-transaction';

const busy = (): Error => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('writeTransaction', () => {
  let dir: string;
  let a: Database.Database;
  let b: Database.Database;

  beforeEach(async () => {
    dir = await tempDir('write-txn');
    const open = (): Database.Database => {
      const db = new Database(join(dir, 't.db'));
      db.pragma('journal_mode = WAL');
      return db;
    };
    a = open();
    b = open();
    a.exec('CREATE TABLE t (n INTEGER)');
    b.pragma('busy_timeout = 0'); // b's refusals come at once
  });

  afterEach(async () => {
    a.close();
    b.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the write lock from BEGIN, before the work has written anything', () => {
    let refused: unknown = null;
    writeTransaction(a, () => {
      a.prepare('SELECT count(*) FROM t').get(); // only a read so far
      try {
        b.prepare('INSERT INTO t VALUES (1)').run();
      } catch (error) {
        refused = error;
      }
      a.prepare('INSERT INTO t VALUES (2)').run(); // the upgrade a deferred one could not make
    });
    expect(isBusy(refused)).toBe(true);
    expect(b.prepare('SELECT n FROM t').pluck().all()).toEqual([2]);
  });

  it('is a savepoint inside a transaction: a throw undoes only the inner work', () => {
    writeTransaction(a, () => {
      a.prepare('INSERT INTO t VALUES (1)').run();
      expect(() =>
        writeTransaction(a, () => {
          a.prepare('INSERT INTO t VALUES (2)').run();
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(a.prepare('SELECT n FROM t').pluck().all()).toEqual([1]);
  });

  it('runs the whole transaction again while busy, and rolls back each refused try', () => {
    let tries = 0;
    const result = writeTransaction(a, () => {
      tries++;
      a.prepare('INSERT INTO t VALUES (?)').run(tries);
      if (tries < 3) throw busy();
      return 'done';
    });
    expect(result).toBe('done');
    expect(tries).toBe(3);
    expect(a.prepare('SELECT n FROM t').pluck().all()).toEqual([3]);
  });

  it('retries a busy BEGIN (another connection holds the write lock), then gives up', () => {
    b.exec('BEGIN IMMEDIATE');
    a.pragma('busy_timeout = 0');
    let ran = false;
    let error: unknown = null;
    try {
      writeTransaction(a, () => (ran = true));
    } catch (e) {
      error = e;
    }
    b.exec('COMMIT');
    expect(isBusy(error)).toBe(true); // bounded: the busy error reaches the caller
    expect(ran).toBe(false);
  });

  it('retries only the outermost transaction, and never other errors', () => {
    let inner = 0;
    let outer = 0;
    expect(() =>
      writeTransaction(a, () => {
        outer++;
        writeTransaction(a, () => {
          inner++;
          if (outer < 2) throw busy();
        });
      }),
    ).not.toThrow();
    expect([outer, inner]).toEqual([2, 2]);

    let failed = 0;
    expect(() =>
      writeTransaction(a, () => {
        failed++;
        throw new Error('constraint');
      }),
    ).toThrow('constraint');
    expect(failed).toBe(1);
  });
});

describe('afterCommit', () => {
  let dir: string;
  let db: Database.Database;
  let ran: string[];

  beforeEach(async () => {
    dir = await tempDir('after-commit');
    db = new Database(join(dir, 't.db'));
    db.exec('CREATE TABLE t (n INTEGER)');
    ran = [];
  });

  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const hook = (name: string) => () => afterCommit(db, () => ran.push(name));

  it('runs outside a transaction at once, inside one after the outermost commit, in order', () => {
    hook('now')();
    expect(ran).toEqual(['now']);
    writeTransaction(db, () => {
      hook('outer')();
      writeTransaction(db, hook('inner'));
      hook('last')();
      db.prepare('INSERT INTO t VALUES (1)').run();
      expect(ran).toEqual(['now']); // nothing before the commit
    });
    expect(ran).toEqual(['now', 'outer', 'inner', 'last']);
  });

  it('drops the hooks of a rollback: the whole transaction, or a savepoint that threw', () => {
    expect(() =>
      writeTransaction(db, () => {
        hook('lost')();
        throw new Error('fails');
      }),
    ).toThrow('fails');
    writeTransaction(db, () => {
      hook('kept')();
      expect(() =>
        writeTransaction(db, () => {
          hook('undone')();
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(ran).toEqual(['kept']);
  });

  it('drops the hooks of a try refused as busy: the try that commits adds its own once', () => {
    let tries = 0;
    writeTransaction(db, () => {
      tries++;
      hook(`try ${tries}`)();
      if (tries < 3) throw busy();
    });
    expect(ran).toEqual(['try 3']);
  });

  it('a hook that throws does not undo the commit, nor keep the hooks after it', () => {
    writeTransaction(db, () => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      afterCommit(db, () => {
        throw new Error('follower failed');
      });
      hook('after')();
    });
    expect(ran).toEqual(['after']);
    expect(db.prepare('SELECT n FROM t').pluck().all()).toEqual([1]);
  });
});

describe('the write-transactions lint rule', () => {
  const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '..');

  async function lint(code: string): Promise<string[]> {
    const url = pathToFileURL(join(repo, 'eslint', 'write-transactions.js')).href;
    const { writeTransactions } = (await import(url)) as { writeTransactions: Rule.RuleModule };
    const config = {
      plugins: { packshot: { rules: { 'write-transactions': writeTransactions } } },
      rules: { 'packshot/write-transactions': 'error' as const },
    };
    return new Linter().verify(code, config).map((m) => m.message);
  }

  it('refuses a bare transaction and a hand-written BEGIN, and lets writeTransaction by', async () => {
    expect(await lint('db.transaction(() => 1)();')).toHaveLength(1);
    expect(await lint('this.db.transaction(() => 1).immediate();')).toHaveLength(1);
    expect(await lint("db['transaction'](() => 1)();")).toHaveLength(1);
    expect(await lint("db.exec('BEGIN');")).toHaveLength(1);
    expect(await lint('db.prepare(`begin immediate`).run();')).toHaveLength(1);
    expect(await lint('writeTransaction(db, () => 1);')).toEqual([]);
    expect(await lint("db.exec('CREATE TABLE beginnings (n)');")).toEqual([]);
  });
});
