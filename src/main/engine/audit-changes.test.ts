// Rights, approvals and versions each leave their audit row, in the change's own
// transaction: under the reviewer's name, with before and after, and none when the change
// rolls back.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db/open-database';
import { makeImage, tempDir } from '../test-support/sample-images';
import { startWithPhotos, type PhotoHarness } from '../test-support/engine-harness';

let photos: PhotoHarness | null = null;
afterEach(async () => {
  await photos?.dispose();
  photos = null;
});

const licence = { name: 'Shoot', licensor: 'Studio', type: 'royalty-free' as const };

describe('audit rows of rights, approvals and versions', () => {
  it('records licence, approval and version changes with before and after', async () => {
    photos = await startWithPhotos('audit-changes', ['a.jpg', 'b.jpg'], 5);
    const { h, id } = photos;
    const [a, b] = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0];
    await h.call('approvals.setReviewer', { name: 'Rita' });

    const { id: lid } = await h.call('licences.create', licence);
    await h.call('licences.attach', { licenceId: lid, assetIds: [a] });
    const updated = await h.call('licences.update', { id: lid, ...licence, endsOn: '2030-01-01' });
    const rows = await h.call('auditEntries.list', {
      subject: { kind: 'licence', id: String(lid) },
    });
    expect(rows.map((e) => [e.action, e.who])).toEqual([
      ['licence.create', 'Rita'],
      ['licence.attach', 'Rita'],
      ['licence.update', 'Rita'],
    ]);
    expect(rows[0]?.before).toBeNull();
    expect(rows[0]?.after).toMatchObject({ ...licence, endsOn: null });
    expect(rows[1]?.after).toEqual({ assetIds: [a], added: 1 });
    expect(rows[2]?.before).toMatchObject({ id: lid, endsOn: null });
    expect(rows[2]?.after).toEqual(updated);

    const hashA = (await h.byName('a.jpg')).hash;
    await h.call('approvals.set', { assetIds: [a, b], state: 'approved', comment: 'ok' });
    await h.call('approvals.set', { assetIds: [a], state: 'rejected', who: 'Sam' });
    // About asset a: its licence.attach row too (it is listed there); approvals here.
    const decided = (
      await h.call('auditEntries.list', { subject: { kind: 'asset', id: String(a) } })
    ).filter((e) => e.action.startsWith('approval.'));
    expect(decided.map((e) => [e.action, e.who, e.before, e.after])).toEqual([
      [
        'approval.set',
        'Rita',
        { state: 'draft' },
        { state: 'approved', hash: hashA, comment: 'ok' },
      ],
      [
        'approval.set',
        'Sam',
        { state: 'approved' },
        { state: 'rejected', hash: hashA, comment: null },
      ],
    ]);

    const next = join(await tempDir('audit-drop'), 'new.jpg');
    await writeFile(next, await makeImage(64, 48, 'jpeg', 77));
    await h.call('versions.replace', { id: a, path: next });
    const hashNew = (await h.byName('a.jpg')).hash;
    await h.call('versions.restore', { id: a, n: 1 });
    const versions = (await h.call('auditEntries.list', {})).filter(
      (e) => e.action.startsWith('version.') && e.subjectId === String(a),
    );
    // The index's own row for each new content, then the replace or restore that caused it.
    expect(versions.map((e) => [e.action, e.before, e.after])).toEqual([
      ['version.record', { hash: hashA }, expect.objectContaining({ hash: hashNew })],
      ['version.replace', { n: 1, hash: hashA }, { n: 2, hash: hashNew, source: next }],
      ['version.record', { hash: hashNew }, expect.objectContaining({ hash: hashA })],
      ['version.restore', { n: 2, hash: hashNew }, { n: 3, hash: hashA, restoredFrom: 1 }],
    ]);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true, rows: 10 });
  });

  it('leaves no row, and no change, when the transaction rolls back', async () => {
    photos = await startWithPhotos('audit-rollback', ['a.jpg', 'b.jpg'], 5);
    const { h, id } = photos;
    const [a, b] = [id['a.jpg'] ?? 0, id['b.jpg'] ?? 0];
    const { id: lid } = await h.call('licences.create', licence);
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    try {
      // The audit insert itself refused: for b's approval (after a's row and both decisions
      // were written) and for any licence update.
      db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON audit_log
        WHEN (NEW.action = 'approval.set' AND NEW.subject_id = '${b}') OR NEW.action = 'licence.update'
        BEGIN SELECT RAISE(ABORT, 'refused'); END`);
      await expect(
        h.call('approvals.set', { assetIds: [a, b], state: 'approved' }),
      ).rejects.toThrow(/refused/);
      await expect(
        h.call('licences.update', { id: lid, ...licence, name: 'Changed' }),
      ).rejects.toThrow(/refused/);
      // A change refused by the handler after its reads: no licence 999, no row.
      await expect(h.call('licences.update', { id: 999, ...licence })).rejects.toThrow(
        /No licence 999/,
      );
      db.exec('DROP TRIGGER refuse');
    } finally {
      db.close();
    }
    expect((await h.call('approvals.history', { assetId: a })).decisions).toEqual([]);
    expect((await h.call('approvals.history', { assetId: b })).decisions).toEqual([]);
    expect((await h.call('licences.list', {}))[0]?.name).toBe('Shoot');
    const rows = await h.call('auditEntries.list', {});
    expect(rows.map((e) => e.action)).toEqual(['licence.create']);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true, rows: 1 });
  });
});
