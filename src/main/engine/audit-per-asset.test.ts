// An asset's audit: every row that names it (its own, and licence, release and link rows
// that list it), for rows logged now and, through migration 20, rows logged before it.
// And keyset paging: pages after an id join up to the whole log, none twice.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './db/migrations';
import { migrate } from './db/open-database';
import { AuditLog } from './repositories/audit-log-repo';
import { namedAssets } from './repositories/audit-named-assets';
import { tempDir } from '../test-support/sample-images';
import { startWithPhotos, type PhotoHarness } from '../test-support/engine-harness';

let photos: PhotoHarness | null = null;
afterEach(async () => {
  await photos?.dispose();
  photos = null;
});

const licence = { name: 'Shoot', licensor: 'Studio', type: 'royalty-free' as const };

describe("an asset's audit rows", () => {
  it('include licence and release rows that list it, even after it lost the licence', async () => {
    photos = await startWithPhotos('audit-asset', ['a.jpg', 'b.jpg', 'c.jpg'], 5);
    const { h, id } = photos;
    const [a, b, c] = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0, id['c.jpg'] ?? 0];
    const { id: lid } = await h.call('licences.create', licence);
    await h.call('licences.attach', { licenceId: lid, assetIds: [a, b] });
    await h.call('licences.detach', { licenceId: lid, assetIds: [a] });
    await h.call('edits.undo', {}); // the detach undone: a row naming a in `attached`
    await h.call('licences.assign', { licence: { ...licence, name: 'Other' }, assetIds: [b] });
    const { id: rid } = await h.call('releases.create', {
      kind: 'model',
      signedOn: '2026-01-01',
      assetIds: [c],
    });
    await h.call('releases.attach', { releaseId: rid, assetIds: [a] });
    await h.call('approvals.set', { assetIds: [a], state: 'approved' });

    const of = async (asset: number) =>
      (await h.call('auditEntries.list', { subject: { kind: 'asset', id: String(asset) } })).map(
        (e) => e.action,
      );
    // Found whether or not the asset still holds the licence or release.
    expect(await of(a)).toEqual([
      'licence.attach',
      'licence.detach',
      'licence.undo',
      'release.attach',
      'approval.set',
    ]);
    expect(await of(b)).toEqual(['licence.attach', 'licence.assign']);
    expect(await of(c)).toEqual(['release.create']);
    expect(await of(Number.NaN)).toEqual([]);
    // Other subjects filter exactly as before.
    const byLicence = await h.call('auditEntries.list', {
      subject: { kind: 'licence', id: String(lid) },
    });
    expect(byLicence.map((e) => e.action)).toEqual([
      'licence.create',
      'licence.attach',
      'licence.detach',
      'licence.undo',
    ]);
  });
});

describe('keyset paging', () => {
  it('reads the whole log, and one asset, in pages after an id', async () => {
    const dir = await tempDir('audit-pages');
    const db = new Database(join(dir, 'packshot.db'));
    try {
      migrate(db, migrations);
      const log = new AuditLog(db, () => 'me');
      for (let i = 0; i < 23; i++)
        log.record({ action: 't', subject: { kind: 'n', id: i }, after: { assetIds: [i % 3] } });
      const pages = (f: { subject?: { kind: string; id: string } }) => {
        const ids: number[] = [];
        let afterId = 0;
        for (;;) {
          const page = log.list({ ...f, afterId, limit: 5 });
          ids.push(...page.map((e) => e.id));
          if (page.length < 5) return ids;
          afterId = page[page.length - 1]?.id ?? 0;
        }
      };
      expect(pages({})).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect(pages({ subject: { kind: 'asset', id: '1' } })).toEqual([2, 5, 8, 11, 14, 17, 20, 23]);
      expect(log.list({ afterId: 20 }).map((e) => e.id)).toEqual([21, 22, 23]);
    } finally {
      db.close();
    }
  });
});

describe('migration 20', () => {
  it('indexes the rows logged before it by the same rule as new rows', async () => {
    const dir = await tempDir('migration-20');
    const db = new Database(join(dir, 'packshot.db'));
    try {
      migrate(
        db,
        migrations.filter((m) => m.version <= 19),
      );
      const rows = [
        { kind: 'asset', id: '4', before: { state: 'draft' }, after: { state: 'approved' } },
        { kind: 'licence', id: '1', before: null, after: { assetIds: [4, 5], added: 2 } },
        { kind: 'licence', id: '1', before: null, after: { attached: [6], detached: [] } },
        { kind: 'licence', id: '2', before: { id: 2 }, after: { assetIds: [7], attached: 1 } },
        { kind: 'product', id: '3', before: [{ assetId: 8, role: 'main' }], after: [] },
        { kind: 'export', id: '9', before: null, after: { out: '/x', rendered: 3 } },
      ];
      const insert = db.prepare(
        `INSERT INTO audit_log (at, who, action, subject_kind, subject_id, before, after,
           prev_hash, hash) VALUES ('', '', 'x', ?, ?, ?, ?, '', '')`,
      );
      for (const r of rows)
        insert.run(
          r.kind,
          r.id,
          r.before === null ? null : JSON.stringify(r.before),
          JSON.stringify(r.after),
        );
      migrate(db, migrations);
      const indexed = db
        .prepare<[], { asset_id: number; entry_id: number }>(
          'SELECT asset_id, entry_id FROM audit_assets ORDER BY entry_id, asset_id',
        )
        .all();
      const expected = rows.flatMap((r, i) =>
        [...namedAssets(r, r.before, r.after)]
          .sort((x, y) => x - y)
          .map((asset) => ({ asset_id: asset, entry_id: i + 1 })),
      );
      expect(indexed).toEqual(expected);
      expect(expected.map((e) => e.asset_id)).toEqual([4, 4, 5, 6, 7, 8]);
    } finally {
      db.close();
    }
  });
});
