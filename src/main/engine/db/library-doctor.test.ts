// A damaged library, as a user meets it: the real `packshot` CLI on a real packshot.db that
// was truncated or had a page overwritten. Every message names the file and what to run,
// `packshot doctor` tells the cases apart, and the way out it prints works.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  openSync,
  closeSync,
  mkdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackshot } from '../../test-support/run-cli';
import { makeSampleFolder, tempDir } from '../../test-support/sample-images';

let root: string;
let healthy: string;
let photos: string;

/** A fresh copy of the healthy data folder to damage. */
function copyLibrary(name: string): { dir: string; file: string } {
  const dir = join(root, name);
  cpSync(healthy, dir, { recursive: true });
  return { dir, file: join(dir, 'packshot.db') };
}

/** Overwrites the first page of `table`'s b-tree with garbage. */
function corruptTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const page = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table);
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(size, 0xab), 0, size, (Number(page) - 1) * size);
  closeSync(fd);
}

/** The restore line doctor printed, run as the user would paste it into a shell. */
function runAdvice(stdout: string, pattern: RegExp): void {
  const line = stdout.split('\n').find((l) => pattern.test(l));
  expect(line, stdout).toBeDefined();
  const shell = spawnSync('sh', ['-c', line?.trim() ?? 'false'], { encoding: 'utf8' });
  expect(shell.status, shell.stderr).toBe(0);
}

beforeAll(async () => {
  root = await tempDir('doctor');
  photos = (await makeSampleFolder(await tempDir('doctor-photos'))).dir;
  healthy = join(root, 'healthy');
  expect(runPackshot(healthy, ['catalog', 'add', photos]).status).toBe(0);
  expect(runPackshot(healthy, ['scan']).status).toBe(0);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(photos, { recursive: true, force: true });
});

describe('packshot doctor', () => {
  it('finds a healthy library healthy', () => {
    const run = runPackshot(healthy, ['doctor']);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain('quick_check: ok');
    expect(run.stdout).toMatch(/schema: version \d+ \(current\)/);
    expect(run.stdout).toContain('The library is healthy.');
    const json = JSON.parse(runPackshot(healthy, ['doctor', '--json', '--full']).stdout) as {
      healthy: boolean;
      findings: { check: string; level: string }[];
    };
    expect(json.healthy).toBe(true);
    expect(json.findings.find((f) => f.check === 'integrity')?.level).toBe('ok');
  });

  it('warns of a missing catalog folder and crash leftovers, which do not make it damaged', () => {
    const { dir } = copyLibrary('leftovers');
    const db = new Database(join(dir, 'packshot.db'));
    db.prepare(`INSERT INTO catalogs (path, name, added_at) VALUES (?, 'gone', 'x')`).run(
      join(root, 'unplugged-drive'),
    );
    db.close();
    writeFileSync(join(dir, 'packshot.db.bak-tmp-4242'), '');
    mkdirSync(join(dir, 'cache', 'thumbs'), { recursive: true });
    writeFileSync(join(dir, 'cache', 'thumbs', 'ab.webp.4242.x1.tmp'), '');
    const run = runPackshot(dir, ['doctor']);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(
      /warn +catalogs: catalog 2: .*unplugged-drive is missing .*catalog remove 2/,
    );
    expect(run.stdout).toMatch(/warn +temp files: 2 left by a crash/);
  });

  it('names a truncated library and restores it from the backup it names', () => {
    const { dir, file } = copyLibrary('truncated');
    // A backup as a migration leaves one, then the library cut in half.
    copyFileSync(file, `${file}.bak-v14`);
    truncateSync(file, Math.floor(statSync(file).size / 2));

    const list = runPackshot(dir, ['catalog', 'list']);
    expect(list.status).toBe(1);
    expect(list.stderr).toContain(`The library ${file} is damaged`);
    expect(list.stderr).toContain(`packshot doctor --data "${dir}"`);

    const doctor = runPackshot(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(
      /ERROR {2}size: .* is truncated: \d+ bytes where its header says \d+/,
    );
    expect(doctor.stdout).toContain('Restore the newest healthy backup');
    // Nothing reads, so no salvage is offered, and asking for one says why.
    expect(doctor.stdout).not.toContain('--salvage');
    const salvage = runPackshot(dir, ['doctor', '--salvage']);
    expect(salvage.status).toBe(1);
    expect(salvage.stdout).toContain('nothing can be salvaged');

    runAdvice(doctor.stdout, /&& cp ".*bak-v14"/);
    expect(runPackshot(dir, ['doctor']).status).toBe(0);
    const restored = runPackshot(dir, ['catalog', 'list']);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(photos);
  });

  it('reports a corrupted page, keeps what it spares readable and salvages the rest', () => {
    const { dir } = copyLibrary('corrupt-page');
    corruptTable(join(dir, 'packshot.db'), 'assets');

    // Commands that never touch the bad page still work; one that does says what to run.
    expect(runPackshot(dir, ['presets', 'list']).status).toBe(0);
    const assets = runPackshot(dir, ['assets', '--json']);
    expect(assets.status).toBe(1);
    expect(assets.stderr).toMatch(/library is damaged .*packshot doctor/);
    expect(assets.stderr).toContain(`run: packshot --data "${dir}" doctor`);

    const doctor = runPackshot(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/ERROR {2}integrity: /);
    expect(doctor.stdout).toContain(`packshot --data "${dir}" doctor --salvage`);
    expect(doctor.stdout).toContain('Or start a new library');

    const salvage = runPackshot(dir, ['doctor', '--salvage']);
    expect(salvage.status, salvage.stdout).toBe(0);
    expect(salvage.stdout).toContain('table by table');
    expect(salvage.stdout).toMatch(
      /assets: 0 rows; lost unreadable \(database disk image is malformed\)/,
    );
    expect(salvage.stdout).toMatch(/catalogs: 1 rows/);
    expect(salvage.stdout).toContain('The copy passes quick_check.');

    runAdvice(salvage.stdout, /&& mv ".*packshot\.db\.salvaged"/);
    expect(runPackshot(dir, ['doctor']).status).toBe(0);
    // The salvaged library is a working one: its catalog is there, a scan refills its files.
    expect(runPackshot(dir, ['scan']).status).toBe(0);
    const list = runPackshot(dir, ['catalog', 'list']);
    expect(list.stdout).toMatch(/1\t[1-9]\d* assets/);
  });
});
