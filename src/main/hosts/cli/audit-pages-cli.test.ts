// `packshot audit` reads a log longer than one page (10,000 rows) whole, and --after-id
// starts after a row, through the real command line.
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/usage-dto';
import { runPackshot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';

const ROWS = 10_050;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDir('cli-audit-pages');
  // The first command creates and migrates the library; the rows are then written directly
  // (listing does not check the chain, and 10,050 real edits would take minutes).
  expect(runPackshot(dataDir, ['audit', '--json']).stdout.trim()).toBe('[]');
  const db = new Database(join(dataDir, 'packshot.db'));
  try {
    const insert = db.prepare(
      `INSERT INTO audit_log (at, who, action, subject_kind, subject_id, after, prev_hash, hash)
       VALUES ('2026-12-01T00:00:00Z', 'me', 'test', 'n', ?, NULL, '', '')`,
    );
    db.transaction(() => {
      for (let i = 1; i <= ROWS; i++) insert.run(String(i));
    })();
  } finally {
    db.close();
  }
}, 240_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('packshot audit paging', () => {
  const ids = (args: string[]) => {
    const run = runPackshot(dataDir, ['audit', ...args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return (JSON.parse(run.stdout) as AuditEntry[]).map((e) => e.id);
  };

  it('returns every row, past one page, each once and in order', () => {
    expect(ids(['--json'])).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  }, 120_000);

  it('starts after --after-id, in JSON and as text', () => {
    expect(ids(['--json', '--after-id', '10040'])).toEqual([
      10041, 10042, 10043, 10044, 10045, 10046, 10047, 10048, 10049, 10050,
    ]);
    const text = runPackshot(dataDir, ['audit', '--after-id', '10048']).stdout;
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[0]),
    ).toEqual(['10049', '10050']);
    expect(runPackshot(dataDir, ['audit', '--after-id', String(ROWS)]).stdout).toBe(
      'No audit entries.\n',
    );
    expect(runPackshot(dataDir, ['audit', '--after-id', 'x']).status).toBe(2);
  }, 120_000);
});
