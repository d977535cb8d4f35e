// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLicence } from '../../../test-support/fake-rights';
import type { Licence } from '../../../../../shared/rights-dto';
import type { AuditEntry } from '../../../../../shared/usage-dto';
import { startUi, type Harness } from '../../../test-support/app-harness';
import { fakeEngine } from '../../../test-support/fake-engine';
import type { FakeTransport } from '../../../test-support/fake-transport';
import { button, setValue } from '../../../test-support/form-events';
import { choose, labelled, press, typeInto } from '../../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../../test-support/render';
import { PreviewPanel } from '../PreviewPanel';
import { auditCsv } from './audit-export';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  vi.restoreAllMocks();
});

const licence = (id: number, name: string, over: Partial<Licence> = {}): Licence => {
  // The page's fake licence, without its list-only counts (rights.get answers a Licence).
  const {
    assets: _a,
    packFiles: _p,
    status: _s,
    ...plain
  } = makeLicence(id, {
    name,
    endsOn: '2027-01-31',
    ...over,
  });
  return plain;
};

const entry = (id: number, over: Partial<AuditEntry>): AuditEntry => ({
  id,
  at: '2026-12-01T10:00:00.000Z',
  who: 'Ada',
  action: 'approval.set',
  subjectKind: 'asset',
  subjectId: '1',
  before: null,
  after: null,
  hash: `h${id}`,
  ...over,
});

const within = (root: ParentNode, label: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(`[aria-label="${label}"]`);
  if (found === null) throw new Error(`no control "${label}"`);
  return found;
};

/** The panel on asset 1 (of 3) with a recorded engine, or on the selection `pick`. */
async function show(serve: (t: FakeTransport) => void = () => {}, pick: number[] = [0]) {
  const transport = fakeEngine({ total: 3 });
  serve(transport);
  harness = await startUi(<PreviewPanel />, transport);
  const { stores } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(pick[0] ?? 0, (pick[0] ?? 0) + 1));
  for (const i of pick.slice(1)) act(() => stores.selection.getState().toggle(i, i + 1));
  await flush();
  await flush();
  return { transport, root: oneByTestId(harness.root, 'preview-rights') };
}

describe('the preview’s Rights section', () => {
  it('shows licences, releases, approval history, the file’s claims, where used and audit rows', async () => {
    const { transport, root } = await show((t) =>
      t
        .handle('rights.get', () => ({
          licences: [licence(7, 'Spring shoot')],
          releases: [
            {
              id: 2,
              kind: 'model',
              subject: 'Ann',
              signedOn: '2026-01-02',
              expiresOn: null,
              restrictions: null,
              documentPath: null,
              createdAt: 0,
            },
          ],
          approval: 'approved',
          claims: { usageTerms: 'Web only', copyright: '© Studio' },
        }))
        .handle('approvals.history', () => ({
          current: 'cur',
          decisions: [
            { id: 2, assetId: 1, hash: 'cur', state: 'approved', who: 'Ada', at: 0, comment: 'ok' },
            {
              id: 1,
              assetId: 1,
              hash: 'old0000001',
              state: 'rejected',
              who: 'Bo',
              at: 0,
              comment: null,
              undoneAt: 5,
            },
          ],
        }))
        .handle('usages.list', () => [
          {
            assetId: 1,
            versionHash: 'cur',
            channel: 'amazon',
            presetId: 'amazon-main',
            productId: 1,
            sku: 'SKU-1',
            pack: '/packs/amazon',
            file: 'SKU-1.MAIN.jpg',
            exportedAt: '2026-12-01T00:00:00Z',
            lastSeenAt: '2026-12-01T00:00:00Z',
            removedAt: null,
          },
        ])
        .handle('auditEntries.list', ({ subject }) =>
          // The engine's per-asset filter: its own rows and the licence rows listing it.
          subject?.kind === 'asset' && subject.id === '1'
            ? [
                entry(1, {
                  action: 'licence.attach',
                  subjectKind: 'licence',
                  after: { assetIds: [1] },
                }),
                entry(3, { action: 'approval.set' }),
              ]
            : [],
        ),
    );
    const texts = (id: string) => byTestId(root, id).map((e) => e.textContent);
    expect(texts('rights-licence')[0]).toContain('Spring shoot');
    expect(texts('rights-licence')[0]).toContain('ends 2027-01-31');
    expect(texts('rights-releases')[0]).toContain('model release: Ann');
    expect(texts('rights-approval-state')).toEqual(['Approved']);
    const decisions = oneByTestId(root, 'rights-decisions').querySelectorAll('li');
    expect([...decisions].map((d) => d.textContent)).toEqual([
      expect.stringMatching(/^ApprovedAda · .* · this contentok$/),
      expect.stringMatching(/^Rejected \(undone\)Bo · .* · earlier content old00000$/),
    ]);
    // An undone decision stays in the history, marked.
    expect(decisions[1]?.className).toBe('decision-undone');
    expect(texts('rights-claims')[0]).toBe('Usage termsWeb onlyCopyright© Studio');
    expect(texts('rights-usages')[0]).toContain('amazon · SKU-1');
    // Newest first, from one per-asset read (no reads per licence).
    const audit = oneByTestId(root, 'rights-audit').querySelectorAll('li');
    expect([...audit].map((li) => li.getAttribute('title'))).toEqual(['#3 h3', '#1 h1']);
    expect(transport.callsOf('auditEntries.list')).toEqual([
      { subject: { kind: 'asset', id: '1' }, afterId: 0, limit: 10_000 },
    ]);
    expect(texts('rights-reviewer')[0]).toContain('Decides as Tester');
  });

  it('attaches a licence from the picker, creates a new one, and detaches', async () => {
    const { transport, root } = await show((t) =>
      t
        .handle('rights.get', () => ({
          licences: [licence(7, 'Held')],
          releases: [],
          approval: 'draft',
          claims: null,
        }))
        .handle('licences.list', () => [
          { ...licence(7, 'Held'), assets: 1, packFiles: 0, status: 'active' },
          { ...licence(8, 'Other'), assets: 4, packFiles: 2, status: 'expiring' },
        ])
        .handle('licences.attach', ({ assetIds }) => ({ changed: assetIds?.length ?? 0 }))
        .handle('licences.detach', () => ({ changed: 1 }))
        .handle('licences.create', () => ({ id: 9 })),
    );
    await press(oneByTestId(root, 'rights-attach-open'));
    // The licence it holds is not offered again.
    expect(byTestId(root, 'rights-attach-choice').map((b) => b.textContent)).toEqual(['Other']);
    await press(oneByTestId(root, 'rights-attach-choice'));
    expect(transport.callsOf('licences.attach')).toEqual([{ licenceId: 8, assetIds: [1] }]);

    await press(oneByTestId(root, 'rights-attach-open'));
    await press(oneByTestId(root, 'rights-new-licence'));
    const form = oneByTestId(root, 'rights-licence-form');
    typeInto(labelled(form, 'Name'), 'Quick');
    typeInto(labelled(form, 'Licensor'), 'Ann Photo');
    choose(labelled(form, 'Type'), 'editorial');
    typeInto(labelled(form, 'Ends on'), '2027-03-01');
    await press(button(form, 'Create and attach'));
    expect(transport.callsOf('licences.create')).toEqual([
      { name: 'Quick', licensor: 'Ann Photo', type: 'editorial', endsOn: '2027-03-01' },
    ]);
    expect(transport.callsOf('licences.attach')[1]).toEqual({ licenceId: 9, assetIds: [1] });

    await press(button(root, 'Detach Held'));
    expect(transport.callsOf('licences.detach')).toEqual([{ licenceId: 7, assetIds: [1] }]);
  });

  it('decides for the whole selection with a comment, and sets the reviewer', async () => {
    const { transport, root } = await show(
      (t) =>
        t
          .handle('approvals.set', ({ assetIds }) => ({
            changed: assetIds?.length ?? 0,
            skipped: 0,
            who: 'Tester',
          }))
          .handle('approvals.setReviewer', ({ name }) => ({ name })),
      [0, 2],
    );
    expect(oneByTestId(root, 'rights-many').textContent).toContain('all 2 selected');
    const before = transport.callsOf('rights.get').length;
    setValue(root.querySelector('textarea'), 'looks right');
    await press(oneByTestId(root, 'rights-decide-approved'));
    expect(transport.callsOf('approvals.set')).toEqual([
      { state: 'approved', comment: 'looks right', assetIds: [1, 3] },
    ]);
    // The section reads itself again after the decision.
    expect(transport.callsOf('rights.get').length).toBeGreaterThan(before);

    await press(button(root, 'Change'));
    typeInto(oneByTestId(root, 'rights-reviewer-input'), 'Ada Review');
    await press(button(root, 'Save'));
    expect(transport.callsOf('approvals.setReviewer')).toEqual([{ name: 'Ada Review' }]);
    expect(oneByTestId(root, 'rights-reviewer').textContent).toContain('Decides as Ada Review');
  });

  it('"select all" of a search decides by its query', async () => {
    const { transport } = await show((t) =>
      t.handle('approvals.set', () => ({ changed: 3, skipped: 0, who: 'Tester' })),
    );
    const stores = harness!.stores;
    act(() => stores.assets.getState().setView({ query: 'shoe' }));
    await flush();
    act(() => stores.assets.getState().ensureRange(0, 10));
    await flush();
    act(() => stores.selection.getState().select(0, 1));
    act(() => stores.selection.getState().selectAll());
    await flush();
    await flush();
    const root = oneByTestId(harness!.root, 'preview-rights');
    expect(oneByTestId(root, 'rights-many').textContent).toContain('all 3 selected');
    await press(oneByTestId(root, 'rights-decide-rejected'));
    expect(transport.callsOf('approvals.set')).toEqual([
      { state: 'rejected', comment: null, query: 'shoe' },
    ]);
  });

  it('reads itself again when the engine says assets changed (the CLI, another window)', async () => {
    let held: Licence[] = [];
    const { transport } = await show((t) =>
      t.handle('rights.get', () => ({
        licences: held,
        releases: [],
        approval: 'draft',
        claims: null,
      })),
    );
    const section = () => oneByTestId(harness!.root, 'preview-rights');
    expect(byTestId(section(), 'rights-no-licence')).toHaveLength(1);
    held = [licence(5, 'From the CLI')];
    act(() => transport.emit('assets.changed', { catalogId: null }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await flush();
    expect(oneByTestId(section(), 'rights-licence').textContent).toContain('From the CLI');
  });

  it('exports this asset’s audit rows as CSV through a download', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const { root } = await show((t) =>
      t.handle('auditEntries.list', () => [entry(3, { after: { state: 'approved' } })]),
    );
    await press(oneByTestId(root, 'rights-audit-export'));
    expect(names).toEqual([expect.stringMatching(/^packshot-audit-asset-1-\d{4}-\d\d-\d\d\.csv$/)]);
    expect(await blobs[0]?.text()).toBe(auditCsv([entry(3, { after: { state: 'approved' } })]));
  });

  it('exports the whole log page by page, past the most one call returns', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const log = Array.from({ length: 25_000 }, (_, i) => entry(i + 1, {}));
    const { transport, root } = await show((t) =>
      t.handle('auditEntries.list', ({ subject, afterId, limit }) =>
        subject === undefined ? log.filter((e) => e.id > (afterId ?? 0)).slice(0, limit) : [],
      ),
    );
    choose(within(root, 'Audit rows to export'), 'all');
    choose(within(root, 'Audit export format'), 'json');
    await press(oneByTestId(root, 'rights-audit-export'));
    await flush();
    const rows = JSON.parse((await blobs[0]?.text()) ?? '[]') as AuditEntry[];
    expect(rows.map((e) => e.id)).toEqual(log.map((e) => e.id));
    const pages = transport
      .callsOf('auditEntries.list')
      .filter((a) => (a as { subject?: unknown }).subject === undefined);
    expect(pages.map((a) => (a as { afterId: number }).afterId)).toEqual([0, 10_000, 20_000]);
  });
});

describe('auditCsv', () => {
  it('quotes every cell, doubles quotes, writes JSON for before/after and defuses formulas', () => {
    const csv = auditCsv([entry(1, { who: '=cmd', before: { a: '"x"' }, after: null })]);
    expect(csv.split('\r\n')).toEqual([
      'id,at,who,action,subjectKind,subjectId,before,after,hash',
      `"1","2026-12-01T10:00:00.000Z","'=cmd","approval.set","asset","1","{""a"":""\\""x\\""""}","null","h1"`,
      '',
    ]);
  });
});
