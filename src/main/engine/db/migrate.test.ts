// Migrating an existing database: a backup of it first, and processes opening a new data
// folder at once all come up (the later ones find the schema done, not half done).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open-database';

const dirs: string[] = [];
const dir = async (name: string): Promise<string> => {
  const made = await tempDir(name);
  dirs.push(made);
  return made;
};

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('migrating with a backup first', () => {
  it('copies a database at an older version before upgrading it, keeping the newest two', async () => {
    const folder = await dir('migrate-backup');
    const file = join(folder, 'packshot.db');
    const old = new Database(file);
    migrate(
      old,
      migrations.filter((m) => m.version <= 12),
    );
    old
      .prepare(`INSERT INTO catalogs (path, name, added_at) VALUES ('/shoot', 'shoot', 'x')`)
      .run();
    old.close();
    writeFileSync(`${file}.bak-v5`, 'an old backup');
    writeFileSync(`${file}.bak-v9`, 'a newer backup');

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.prepare('SELECT name FROM catalogs').pluck().all()).toEqual(['shoot']);
    db.close();

    expect(
      readdirSync(folder)
        .filter((f) => f.includes('.bak'))
        .sort(),
    ).toEqual(['packshot.db.bak-v12', 'packshot.db.bak-v9']);
    const backup = new Database(`${file}.bak-v12`, { readonly: true });
    expect(schemaVersion(backup)).toBe(12);
    expect(backup.prepare('SELECT name FROM catalogs').pluck().all()).toEqual(['shoot']);
    backup.close();

    // Opening it again migrates nothing, so copies nothing.
    openDatabase(file).close();
    expect(readdirSync(folder).filter((f) => f.includes('.bak')).length).toBe(2);
  });

  it('backs up before every migration path: from each older version to the latest', async () => {
    const latest = latestVersion(migrations);
    for (const from of migrations.map((m) => m.version).filter((v) => v < latest)) {
      const folder = await dir(`migrate-from-${from}`);
      const file = join(folder, 'packshot.db');
      const old = new Database(file);
      migrate(
        old,
        migrations.filter((m) => m.version <= from),
      );
      old.close();
      openDatabase(file).close();
      const backup = new Database(`${file}.bak-v${from}`, { readonly: true, fileMustExist: true });
      expect(schemaVersion(backup), `from ${from}`).toBe(from);
      expect(backup.pragma('quick_check', { simple: true }), `from ${from}`).toBe('ok');
      backup.close();
    }
  });

  it('makes no backup of a new database', async () => {
    const folder = await dir('migrate-new');
    openDatabase(join(folder, 'packshot.db')).close();
    expect(readdirSync(folder).filter((f) => f.includes('.bak'))).toEqual([]);
  });
});

describe('processes opening one new data folder at once', () => {
  // The module as a child process loads it: bundled inside the work tree (so it finds
  // better-sqlite3), with a script that waits for a common start time, then opens.
  const bin = join(repoRoot, 'out', `test-migrate-${process.pid}`);
  const script = join(bin, 'open-at.mjs');

  beforeAll(async () => {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: repoRoot,
      build: {
        ssr: 'src/main/engine/db/open-database.ts',
        outDir: bin,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { entryFileNames: 'open-database.mjs' } },
      },
    });
    writeFileSync(
      script,
      `import { openDatabase } from './open-database.mjs';
       const [file, at] = process.argv.slice(2);
       while (Date.now() < Number(at)) await new Promise((r) => setTimeout(r, 1));
       openDatabase(file).close();`,
    );
  }, 120_000);

  afterAll(async () => {
    await rm(bin, { recursive: true, force: true });
  });

  const openAt = (file: string, at: number) =>
    new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [script, file, String(at)]);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stderr }));
    });

  it('all succeed, and the schema is applied once', async () => {
    for (let round = 0; round < 3; round++) {
      const data = join(await dir(`migrate-race`), 'data');
      await mkdir(data);
      const file = join(data, 'packshot.db');
      const at = Date.now() + 1500; // past every child's start-up
      const runs = await Promise.all([1, 2, 3, 4].map(() => openAt(file, at)));
      expect(runs.map((r) => r.stderr).join(''), `round ${round}`).toBe('');
      expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0]);
      const db = new Database(file, { readonly: true });
      expect(schemaVersion(db)).toBe(latestVersion(migrations));
      db.close();
      expect(readdirSync(data).filter((f) => f.includes('.bak'))).toEqual([]);
    }
  });
});
