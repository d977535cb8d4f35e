// What the Rights page asks beyond the CLI's methods: editing and deleting a release, live
// pack files per licence, where a licence's assets went, and the takedown CSV as text.
// Usage rows are written by the real UsageRepo.sync on a second connection (what an export
// does after its manifest commits), so no render is needed.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { UsageRepo, type PackedFile } from '../repositories/usage-repo';
import { addDays } from './licence-dates';
import { today as localToday } from './licence-dates';

let p: PhotoHarness;
const today = localToday(); // the engine's day: the user's local day

beforeAll(async () => {
  p = await startWithPhotos('rights-page', ['a.jpg', 'b.jpg', 'c.jpg'], 7);
});
afterAll(() => p.dispose());

function syncPack(pack: string, files: PackedFile[]): void {
  const db = new Database(join(p.h.dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  try {
    new UsageRepo(db).sync(pack, files);
  } finally {
    db.close();
  }
}

const packed = (assetId: number, file: string): PackedFile => ({
  file,
  assetId,
  versionHash: `hash-${assetId}`,
  channel: 'amazon',
  presetId: 'amazon-main',
  productId: 1,
  sku: 'SKU-1',
});

describe('rights page methods', () => {
  it('edits a release, refuses bad terms, deletes it with its links', async () => {
    const { h, id } = p;
    const a = id['a.jpg'] ?? 0;
    const made = await h.call('releases.create', {
      kind: 'model',
      signedOn: '2026-01-02',
      assetIds: [a],
    });
    const edited = await h.call('releases.update', {
      id: made.id,
      kind: 'minor',
      subject: 'Kim',
      signedOn: '2026-01-03',
      expiresOn: '2027-01-03',
      restrictions: 'no ads',
      documentPath: '/releases/kim.pdf',
    });
    expect(edited).toMatchObject({ kind: 'minor', subject: 'Kim', restrictions: 'no ads' });
    expect((await h.call('releases.list', {}))[0]).toMatchObject({ kind: 'minor', assets: 1 });
    await expect(
      h.call('releases.update', {
        id: made.id,
        kind: 'model',
        signedOn: '2026-02-01',
        expiresOn: '2026-01-01',
      }),
    ).rejects.toThrow(/expires before it was signed/);
    await expect(
      h.call('releases.update', { id: 999, kind: 'model', signedOn: '2026-02-01' }),
    ).rejects.toMatchObject({ code: 'not_found' });

    expect(await h.call('releases.delete', { id: made.id })).toEqual({ deleted: true });
    expect(await h.call('releases.delete', { id: made.id })).toEqual({ deleted: false });
    expect(await h.call('releases.list', {})).toEqual([]);
    expect((await h.call('rights.get', { id: a })).releases).toEqual([]);
    const actions = (await h.call('auditEntries.list', {})).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['release.update', 'release.delete']));
  });

  it('a licence lists its live pack files, where its assets went, and the takedown CSV', async () => {
    const { h, id } = p;
    const [a, b, c] = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0, id['c.jpg'] ?? 0];
    const { id: lid } = await h.call('licences.create', {
      name: 'Ending',
      type: 'rights-managed',
      endsOn: addDays(today, 3),
    });
    await h.call('licences.attach', { licenceId: lid, assetIds: [a, b] });
    syncPack('/packs/one', [packed(a, 'amazon/a-1.jpg'), packed(c, 'amazon/c-1.jpg')]);
    // A re-export without a's second file ends that row: it counts no more, but is listed.
    syncPack('/packs/two', [packed(a, 'amazon/a-2.jpg')]);
    syncPack('/packs/two', []);

    const [listed] = await h.call('licences.list', {});
    expect(listed).toMatchObject({ id: lid, assets: 2, packFiles: 1, status: 'expiring' });

    const used = await h.call('usages.forLicence', { licenceId: lid });
    expect(used.assets.map((x) => x.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(used.usages.map((u) => [u.pack, u.file, u.removedAt === null])).toEqual([
      ['/packs/one', 'amazon/a-1.jpg', true],
      ['/packs/two', 'amazon/a-2.jpg', false],
    ]);
    expect((await h.call('usages.forLicence', { licenceId: lid, limit: 1 })).assets).toHaveLength(
      1,
    );
    expect(await h.call('usages.forLicence', { licenceId: 999 })).toEqual({
      assets: [],
      usages: [],
    });

    const { csv, rows } = await h.call('takedowns.csv', { days: 30 });
    expect(rows).toBe(1);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^licence_id,licence,ends_on/);
    expect(lines[1]).toContain('amazon/a-1.jpg');
    expect((await h.call('takedowns.csv', { days: 1 })).rows).toBe(0);
  });
});
