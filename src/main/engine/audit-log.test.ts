// The audit log in the engine: two connections appending at once keep one chain, a file's
// new content and an undone link edit are recorded, and the chain verifies.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db/open-database';
import { AuditLog, GENESIS } from './repositories/audit-log-repo';
import { makeImage, tempDir } from '../test-support/sample-images';
import { startWithPhotos, type PhotoHarness } from '../test-support/engine-harness';
import { seedProducts } from '../test-support/seed-products';

let photos: PhotoHarness | null = null;
afterEach(async () => {
  await photos?.dispose();
  photos = null;
});

describe('AuditLog', () => {
  it('keeps one chain when two connections append in turn', async () => {
    const dir = await tempDir('audit-two');
    const one = openDatabase(join(dir, 'packshot.db'));
    const two = openDatabase(join(dir, 'packshot.db'));
    try {
      // Each reads the head under the write lock, so it appends after the other's last row.
      const logs = [new AuditLog(one, () => 'one'), new AuditLog(two, () => 'two')];
      for (let i = 0; i < 40; i++)
        logs[i % 2]?.record({ action: 'test', subject: { kind: 'n', id: i }, after: { i } });
      const rows = one
        .prepare<[], { id: number; prev_hash: string; hash: string; who: string }>(
          'SELECT id, prev_hash, hash, who FROM audit_log ORDER BY id',
        )
        .all();
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(rows[0]?.prev_hash).toBe(GENESIS);
      for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
      expect(rows[1]?.who).toBe('two');
      expect(logs[1]?.verify()).toEqual({ ok: true, rows: 40, head: rows[39]?.hash });
      // Rows swapped (content moved to another id): the first moved row is named.
      one.exec(
        'UPDATE audit_log SET id = -1 WHERE id = 5; UPDATE audit_log SET id = 5 WHERE id = 6; UPDATE audit_log SET id = 6 WHERE id = -1',
      );
      expect(logs[0]?.verify()).toMatchObject({ ok: false, brokenId: 5 });
    } finally {
      one.close();
      two.close();
    }
  });

  it("records a file's new content, undone link edits and a product's delete and undo", async () => {
    photos = await startWithPhotos('audit-engine', ['a.jpg'], 7);
    const { h, folder, id } = photos;
    const a = id['a.jpg'] ?? 0;
    const products = seedProducts(h.dataDir, [{ sku: 'AUD-1', links: [] }]);
    const productId = products.get('AUD-1') ?? 0;
    await h.call('links.add', { productId, assetIds: [a], role: 'main' });
    await h.call('edits.undo', {});

    const before = (await h.byName('a.jpg')).hash;
    await writeFile(join(folder, 'a.jpg'), await makeImage(64, 48, 'jpeg', 99));
    await h.call('catalogs.scan', { id: (await h.call('catalogs.list', {}))[0]?.id ?? 0 });
    await h.call('jobs.wait', {});
    const after = (await h.byName('a.jpg')).hash;
    expect(after).not.toBe(before);

    const entries = await h.call('auditEntries.list', {});
    expect(entries.map((e) => [e.action, e.subjectKind, e.subjectId])).toEqual([
      ['links.edit', 'product', String(productId)],
      ['links.undo', 'product', String(productId)],
      ['version.record', 'asset', String(a)],
    ]);
    expect(entries[1]?.after).toEqual([]);
    expect(entries[2]).toMatchObject({ before: { hash: before }, after: { hash: after } });

    // A product deleted with its links, and put back by undo.
    await h.call('links.add', { productId, assetIds: [a], role: 'main' });
    await h.call('products.delete', { id: productId });
    await h.call('edits.undo', {});
    const link = [{ assetId: a, role: 'main', position: 0 }];
    const more = await h.call('auditEntries.list', {
      subject: { kind: 'product', id: String(productId) },
    });
    expect(more.slice(2).map((e) => [e.action, e.before, e.after])).toEqual([
      ['links.edit', [], link],
      ['product.delete', { sku: 'AUD-1', links: link }, null],
      ['product.undelete', null, { sku: 'AUD-1', links: link }],
    ]);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true, rows: 6 });
  });
});
