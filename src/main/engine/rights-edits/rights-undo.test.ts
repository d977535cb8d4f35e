// Rights edits are undoable steps: approvals, licence and release links, on a real engine
// and library file, through the validating edge; across a restart; the audit chain holds.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';

let p: PhotoHarness;
let a = 0;
let b = 0;

beforeAll(async () => {
  p = await startWithPhotos('rights-undo', ['a.jpg', 'b.jpg'], 11);
  a = p.id['a.jpg'] ?? 0;
  b = p.id['b.jpg'] ?? 0;
});
afterAll(() => p.dispose());

const licence = (name: string) => ({ name, type: 'royalty-free' as const });

const state = async (id: number) => (await p.h.call('rights.get', { id })).approval;
const held = async (id: number) =>
  (await p.h.call('rights.get', { id })).licences.map((l) => l.name).sort();
const actions = async () =>
  (await p.h.call('auditEntries.list', {})).map((e) => `${e.action}:${e.subjectId}`);

describe('undo of rights edits', () => {
  it('undoes an approval by marking its decision undone (kept in the history), redoes the same row, across a restart', async () => {
    const { h } = p;
    await h.call('approvals.setReviewer', { name: 'Rita' });
    await h.call('approvals.set', { state: 'approved', assetIds: [a, b], comment: 'ok' });
    const [made] = (await h.call('approvals.history', { assetId: a })).decisions;
    expect(await h.call('edits.state', {})).toMatchObject({ undoLabel: 'Approve 2 assets' });

    // A second decision on b only: undo takes back only that one.
    await h.call('approvals.set', { state: 'rejected', assetIds: [b], comment: 'crop' });
    expect(await state(b)).toBe('rejected');
    expect(await h.call('edits.undo', {})).toMatchObject({ step: 'Reject 1 asset', changed: 1 });
    expect(await state(b)).toBe('approved');

    await h.restart();
    expect(await h.call('edits.undo', {})).toMatchObject({ step: 'Approve 2 assets', changed: 2 });
    expect([await state(a), await state(b)]).toEqual(['draft', 'draft']);
    // The history keeps every decision: the undone one is marked, and counts no more.
    const kept = (await h.call('approvals.history', { assetId: a })).decisions;
    expect(kept.map(({ undoneAt, ...rest }) => [rest, typeof undoneAt])).toEqual([
      [{ ...made, undoneAt: undefined }, 'number'],
    ]);
    expect(await h.call('assets.list', { query: 'approval:approved' })).toMatchObject({
      total: 0,
    });

    expect(await h.call('edits.redo', {})).toMatchObject({ changed: 2 });
    expect((await h.call('approvals.history', { assetId: a })).decisions).toEqual([made]);
    expect(await state(a)).toBe('approved');

    const rows = (await h.call('auditEntries.list', {})).filter((e) =>
      e.action.startsWith('approval.'),
    );
    expect(rows.map((e) => `${e.action}:${e.subjectId}:${e.who}`)).toEqual([
      `approval.set:${a}:Rita`,
      `approval.set:${b}:Rita`,
      `approval.set:${b}:Rita`,
      `approval.undo:${b}:Rita`,
      `approval.undo:${a}:Rita`,
      `approval.undo:${b}:Rita`,
      `approval.redo:${a}:Rita`,
      `approval.redo:${b}:Rita`,
    ]);
    expect(rows[3]).toMatchObject({ before: { state: 'rejected' }, after: { state: 'approved' } });
    expect(rows[4]).toMatchObject({ before: { state: 'approved' }, after: { state: 'draft' } });
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true });
  });

  it('puts licence links back: attach, detach and assign', async () => {
    const { h } = p;
    const { id: shoot } = await h.call('licences.create', licence('Shoot'));
    await h.call('licences.attach', { licenceId: shoot, assetIds: [a, b] });
    // Attaching again adds nothing: no step, the history's top stays the first attach.
    await h.call('licences.attach', { licenceId: shoot, assetIds: [a] });
    expect((await h.call('edits.state', {})).undoLabel).toBe('Attach licence “Shoot” to 2 assets');

    await h.call('licences.detach', { licenceId: shoot, assetIds: [b] });
    expect(await held(b)).toEqual([]);
    await h.call('edits.undo', {});
    expect(await held(b)).toEqual(['Shoot']);

    const { licenceId: renewed } = await h.call('licences.assign', {
      licence: licence('Renewed'),
      assetIds: [a],
    });
    expect(await held(a)).toEqual(['Renewed']);
    await h.restart();
    expect(await h.call('edits.undo', {})).toMatchObject({
      step: 'Assign licence “Renewed” to 1 asset',
      changed: 2,
    });
    expect(await held(a)).toEqual(['Shoot']);
    await h.call('edits.redo', {});
    expect(await held(a)).toEqual(['Renewed']);
    await h.call('edits.undo', {});

    // The detach was undone before the assign, so the next step back is the first attach.
    expect(await h.call('edits.undo', {})).toMatchObject({ changed: 2 });
    expect([await held(a), await held(b)]).toEqual([[], []]);
    await h.call('edits.redo', {});
    expect([await held(a), await held(b)]).toEqual([['Shoot'], ['Shoot']]);

    const log = await actions();
    expect(log).toContain(`licence.undo:${renewed}`);
    expect(log).toContain(`licence.redo:${shoot}`);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true });
  });

  it('undoes a release attach, and a licence deleted since is skipped on redo', async () => {
    const { h } = p;
    const release = await h.call('releases.create', { kind: 'model', signedOn: '2026-01-02' });
    await h.call('releases.attach', { releaseId: release.id, assetIds: [a] });
    const releases = async () => (await h.call('rights.get', { id: a })).releases.length;
    expect(await releases()).toBe(1);
    await h.call('edits.undo', {});
    expect(await releases()).toBe(0);
    await h.call('edits.redo', {});
    expect(await releases()).toBe(1);

    const { id: gone } = await h.call('licences.create', licence('Gone'));
    await h.call('licences.attach', { licenceId: gone, assetIds: [b] });
    await h.call('edits.undo', {});
    await h.call('licences.delete', { id: gone });
    expect(await h.call('edits.redo', {})).toMatchObject({ changed: 0 });
    expect(await held(b)).toEqual(['Shoot']);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true });
  });

  it('an undo whose audit row is refused changes nothing and stays undoable', async () => {
    const { h } = p;
    await h.call('approvals.set', { state: 'rejected', assetIds: [a, b] });
    const label = (await h.call('edits.state', {})).undoLabel;
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    try {
      // b's undo row refused, after a's decision was removed and its row written.
      db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON audit_log
        WHEN NEW.action = 'approval.undo' AND NEW.subject_id = '${b}'
        BEGIN SELECT RAISE(ABORT, 'refused'); END`);
      await expect(h.call('edits.undo', {})).rejects.toThrow(/refused/);
      db.exec('DROP TRIGGER refuse');
    } finally {
      db.close();
    }
    expect([await state(a), await state(b)]).toEqual(['rejected', 'rejected']);
    expect((await actions()).filter((x) => x.startsWith('approval.undo'))).toHaveLength(3);
    expect((await h.call('edits.state', {})).undoLabel).toBe(label);
    await h.call('edits.undo', {});
    expect([await state(a), await state(b)]).toEqual(['approved', 'approved']);
    expect(await h.call('auditEntries.verify', {})).toMatchObject({ ok: true });
  });
});
