// Where used, the takedown list and the audit log, through the real `packshot` command:
// usage rows after a real export, removed_at once a re-export no longer holds the file, the
// takedown CSV for a licence ending soon, and the audit chain catching an edited row, a
// deleted middle row and a deleted last row.
import Database from 'better-sqlite3';
import { readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerdict, TakedownRow, UsageRow } from '../../../shared/usage-dto';
import { createEngine } from '../../engine';
import { invoke } from '../dispatch';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';

let dataDir: string;
let photos: string;
let out: string;
let csvDir: string;
const ids = { a: 0, b: 0 };
const hashes = { a: '', b: '' };
let products = new Map<string, number>();

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

function json<T>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

function sql<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(async () => {
  dataDir = await tempDir('cli-usage-data');
  photos = await tempDir('cli-usage-photos');
  out = await realpath(await tempDir('cli-usage-out'));
  csvDir = await tempDir('cli-usage-csv');
  for (const [i, name] of ['a.jpg', 'b.jpg'].entries())
    await writeFile(join(photos, name), await makeImage(200, 200, 'jpeg', i + 1));
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  const rows = json<{ id: number; path: string; hash: string }[]>(packshot('assets', '--json'));
  for (const key of ['a', 'b'] as const) {
    const row = rows.find((r) => r.path.endsWith(`${key}.jpg`));
    ids[key] = row?.id ?? 0;
    hashes[key] = row?.hash ?? '';
  }
  products = seedProducts(dataDir, [
    { sku: 'SHOT-A', name: 'Runner', links: [{ assetId: ids.a, role: 'main' }] },
    { sku: 'SHOT-B', name: 'Trail', links: [{ assetId: ids.b, role: 'main' }] },
  ]);
}, 300_000);

afterAll(async () => {
  for (const dir of [dataDir, photos, out, csvDir]) await rm(dir, { recursive: true, force: true });
});

describe('packshot usage', () => {
  it('lists the pack file each export wrote, once however often the pack is exported', () => {
    for (let run = 0; run < 2; run++)
      expect(packshot('export', '--channel', 'shopify', '--out', out, '--json').status).toBe(0);
    const rows = json<UsageRow[]>(packshot('usage', String(ids.a), '--json'));
    expect(rows).toEqual([
      expect.objectContaining({
        assetId: ids.a,
        versionHash: hashes.a,
        channel: 'shopify',
        presetId: 'shopify',
        productId: products.get('SHOT-A'),
        sku: 'SHOT-A',
        pack: out,
        file: 'shopify/SHOT-A/SHOT-A-1.jpg',
        removedAt: null,
      }),
    ]);
    expect(packshot('usage', String(ids.a)).stdout).toContain(`${out}/shopify/SHOT-A/SHOT-A-1.jpg`);
  }, 120_000);

  it('ends the usage when a re-export no longer holds the file', async () => {
    const engine = createEngine({ dataDir });
    try {
      await invoke(engine.handlers, 'links.remove', {
        productId: products.get('SHOT-B') ?? 0,
        assetIds: [ids.b],
      });
    } finally {
      await engine.close();
    }
    expect(packshot('export', '--channel', 'shopify', '--out', out, '--json').status).toBe(0);
    const [row, ...more] = json<UsageRow[]>(packshot('usage', String(ids.b), '--json'));
    expect(more).toEqual([]);
    expect(row?.file).toBe('shopify/SHOT-B/SHOT-B-1.jpg');
    expect(row?.removedAt).not.toBeNull();
    expect(json<UsageRow[]>(packshot('usage', String(ids.a), '--json'))[0]?.removedAt).toBeNull();
  }, 120_000);
});

describe('packshot takedown', () => {
  it('lists and writes as CSV the files whose licence ends within the days asked', async () => {
    // Two licences on a, one of them also on b, through the engine's own methods.
    const engine = createEngine({ dataDir });
    try {
      const licence = async (name: string, endsOn: string): Promise<number> =>
        (await invoke(engine.handlers, 'licences.create', { name, type: 'rights-managed', endsOn }))
          .id;
      const soon = await licence('Shoot 12, Studio, Ltd', localDay(5));
      const later = await licence('Stock', localDay(90));
      await invoke(engine.handlers, 'licences.attach', {
        licenceId: soon,
        assetIds: [ids.a, ids.b],
      });
      await invoke(engine.handlers, 'licences.attach', { licenceId: later, assetIds: [ids.a] });
      // b is no longer in the pack: nothing to take down for it.
    } finally {
      await engine.close();
    }
    const rows = json<TakedownRow[]>(packshot('takedown', '--days', '30', '--json'));
    expect(rows).toEqual([
      expect.objectContaining({
        licence: 'Shoot 12, Studio, Ltd',
        endsOn: localDay(5),
        ended: false,
        assetId: ids.a,
        channel: 'shopify',
        sku: 'SHOT-A',
        pack: out,
        file: 'shopify/SHOT-A/SHOT-A-1.jpg',
      }),
    ]);
    expect(json<TakedownRow[]>(packshot('takedown', '--days', '100', '--json'))).toHaveLength(2);

    const csv = join(csvDir, 'takedown.csv');
    expect(json<{ rows: number }>(packshot('takedown', '--csv', csv, '--json')).rows).toBe(1);
    const text = await readFile(csv, 'utf8');
    expect(text.split('\r\n')[1]).toBe(
      `${rows[0]?.licenceId},"Shoot 12, Studio, Ltd",${localDay(5)},ending,${ids.a},shopify,shopify,SHOT-A,${out},shopify/SHOT-A/SHOT-A-1.jpg`,
    );

    // A file already there (the user's, or an older list) is left alone unless --force.
    await writeFile(csv, 'mine\n');
    const refused = packshot('takedown', '--csv', csv);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(await readFile(csv, 'utf8')).toBe('mine\n');
    expect(packshot('takedown', '--csv', csv, '--force').status).toBe(0);
    expect(await readFile(csv, 'utf8')).toBe(text);
  }, 120_000);
});

describe('packshot audit', () => {
  const verify = (): { status: number | null; verdict: AuditVerdict } => {
    const run = packshot('audit', 'verify', '--json');
    return { status: run.status, verdict: JSON.parse(run.stdout) as AuditVerdict };
  };

  it('records link edits and exports, and verify finds an edited, a deleted and a cut-off row', () => {
    const entries = json<AuditEntry[]>(packshot('audit', '--json'));
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'export.start')).toHaveLength(3);
    expect(actions.filter((a) => a === 'export.finish')).toHaveLength(3);
    const unlink = entries.find((e) => e.action === 'links.edit');
    expect(unlink).toMatchObject({
      subjectKind: 'product',
      subjectId: String(products.get('SHOT-B')),
      before: [{ assetId: ids.b, role: 'main', position: 0 }],
      after: [],
    });
    // The last export's finish (licence rows from the takedown test may come after it).
    const finished = entries.filter((e) => e.action === 'export.finish').at(-1);
    expect(finished?.after).toMatchObject({ state: 'done', removed: 1 });
    expect(actions).toContain('licence.attach');
    expect(json<AuditEntry[]>(packshot('audit', '--since', '2999-01-01', '--json'))).toEqual([]);
    expect(verify()).toEqual({
      status: 0,
      verdict: { ok: true, rows: entries.length, head: entries.at(-1)?.hash },
    });

    // An edited row: named by id.
    const target = unlink?.id ?? 0;
    const original = sql((db) =>
      db
        .prepare<[number], { after: string }>('SELECT after FROM audit_log WHERE id = ?')
        .get(target),
    );
    sql((db) => db.prepare("UPDATE audit_log SET after = '[]' || ' ' WHERE id = ?").run(target));
    expect(verify()).toMatchObject({ status: 1, verdict: { ok: false, brokenId: target } });
    sql((db) =>
      db.prepare('UPDATE audit_log SET after = ? WHERE id = ?').run(original?.after, target),
    );
    expect(verify().status).toBe(0);

    // A deleted middle row: the row after it no longer links.
    const middle = entries[1]?.id ?? 0;
    const saved = sql((db) => db.prepare('SELECT * FROM audit_log WHERE id = ?').get(middle));
    sql((db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(middle));
    expect(verify()).toMatchObject({ status: 1, verdict: { ok: false, brokenId: entries[2]?.id } });
    sql((db) =>
      db
        .prepare(
          'INSERT INTO audit_log (id, at, who, action, subject_kind, subject_id, before, after, prev_hash, hash) VALUES (@id, @at, @who, @action, @subject_kind, @subject_id, @before, @after, @prev_hash, @hash)',
        )
        .run(saved),
    );
    expect(verify().status).toBe(0);

    // The last row deleted: the chain still links, but the head says it went further.
    sql((db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(entries.at(-1)?.id));
    const cut = packshot('audit', 'verify');
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain('cut off the end');
    expect(verify().verdict).toMatchObject({ ok: false, brokenId: null });
  }, 120_000);
});

describe('packshot usage after a crash', () => {
  it("is made good by the pack's next export when killed between the manifest and the sync", async () => {
    const pack = await realpath(await tempDir('cli-usage-crash'));
    try {
      process.env.PACKSHOT_FAULT = 'export.manifest-committed:1';
      const killed = packshot('export', '--channel', 'shopify', '--out', pack);
      delete process.env.PACKSHOT_FAULT;
      expect(killed.status).not.toBe(0);
      expect(await readFile(join(pack, 'manifest.json'), 'utf8')).toContain('SHOT-A-1.jpg');
      const inPack = (rows: UsageRow[]) => rows.filter((r) => r.pack === pack);
      expect(inPack(json<UsageRow[]>(packshot('usage', String(ids.a), '--json')))).toEqual([]);

      expect(packshot('export', '--channel', 'shopify', '--out', pack).status).toBe(0);
      expect(inPack(json<UsageRow[]>(packshot('usage', String(ids.a), '--json')))).toEqual([
        expect.objectContaining({ file: 'shopify/SHOT-A/SHOT-A-1.jpg', removedAt: null }),
      ]);
    } finally {
      delete process.env.PACKSHOT_FAULT;
      await rm(pack, { recursive: true, force: true });
    }
  }, 120_000);
});
