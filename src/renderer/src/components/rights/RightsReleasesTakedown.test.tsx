// @vitest-environment jsdom
// The Rights page's releases (record, edit, delete) and takedown list (the engine's default
// window, another window, and the CSV: saved by the engine where the user says, replacing
// only when asked, or downloaded where the host has no folder picker).
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PackshotError } from '../../../../shared/errors';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeTakedown, serveRights } from '../../test-support/fake-rights';
import type { FakeTransport } from '../../test-support/fake-transport';
import { choose, labelled, press, typeInto } from '../../test-support/interact';
import { byTestId, oneByTestId } from '../../test-support/render';
import { RightsView } from './RightsView';
import { csvPathIn } from './TakedownCsv';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  vi.restoreAllMocks();
});

async function start(
  seed: Parameters<typeof serveRights>[1] = {},
  host: (t: FakeTransport) => void = () => {},
) {
  const transport = fakeEngine();
  host(transport);
  const state = serveRights(transport, seed);
  harness = await startUi(<RightsView />, transport);
  return { transport, state, root: harness.root };
}

const cells = (row: HTMLElement): string[] =>
  [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');

describe('Rights page: releases', () => {
  it('records a release, attached to the assets a search finds', async () => {
    const { transport, root } = await start();
    await press(oneByTestId(root, 'release-new'));
    const form = oneByTestId(root, 'release-form');
    choose(labelled(form, 'Kind'), 'minor');
    typeInto(labelled(form, 'Who or what'), 'Kim');
    typeInto(labelled(form, 'Signed on'), '2026-03-01');
    typeInto(labelled(form, 'Expires on'), '2026-02-01');
    await press(oneByTestId(form, 'release-save'));
    expect(form.querySelector('.form-error')?.textContent).toBe(
      'the release expires before it was signed',
    );
    expect(transport.callsOf('releases.create')).toEqual([]);

    typeInto(labelled(form, 'Expires on'), '');
    typeInto(labelled(form, 'Restrictions'), 'no ads');
    typeInto(labelled(form, 'Document'), '/releases/kim.pdf');
    typeInto(labelled(form, 'Attach to assets'), 'folder:kim');
    await press(oneByTestId(form, 'release-save'));
    expect(transport.callsOf('releases.create')).toEqual([
      {
        kind: 'minor',
        subject: 'Kim',
        signedOn: '2026-03-01',
        expiresOn: null,
        restrictions: 'no ads',
        documentPath: '/releases/kim.pdf',
        query: 'folder:kim',
      },
    ]);
    expect(byTestId(root, 'release-form')).toHaveLength(0);
    expect(cells(oneByTestId(root, 'release-row')).slice(0, 7)).toEqual([
      'minor',
      'Kim',
      '2026-03-01',
      'never',
      'no ads',
      '/releases/kim.pdf',
      '2',
    ]);
  });

  it('edits a release from its terms, and deletes one after the confirmation', async () => {
    const release = {
      kind: 'model' as const,
      subject: 'Ann',
      signedOn: '2026-01-02',
      expiresOn: null,
      restrictions: null,
      documentPath: null,
      createdAt: 0,
      assets: 1,
    };
    const { transport, root } = await start({
      releases: [
        { ...release, id: 1 },
        { ...release, id: 2, subject: 'Bo' },
      ],
    });
    await press(byTestId(root, 'release-edit')[0]!);
    const form = oneByTestId(root, 'release-form');
    expect((labelled(form, 'Signed on') as HTMLInputElement).value).toBe('2026-01-02');
    expect(form.textContent).not.toContain('Attach to assets');
    typeInto(labelled(form, 'Expires on'), '2028-01-02');
    await press(oneByTestId(form, 'release-save'));
    expect(transport.callsOf('releases.update')).toEqual([
      {
        id: 1,
        kind: 'model',
        subject: 'Ann',
        signedOn: '2026-01-02',
        expiresOn: '2028-01-02',
        restrictions: null,
        documentPath: null,
      },
    ]);
    expect(cells(byTestId(root, 'release-row')[0]!)[3]).toBe('2028-01-02');

    await press(byTestId(root, 'release-delete')[1]!);
    expect(transport.callsOf('releases.delete')).toEqual([]);
    await press(oneByTestId(root, 'release-delete-confirm'));
    expect(transport.callsOf('releases.delete')).toEqual([{ id: 2 }]);
    expect(byTestId(root, 'release-row').map((r) => cells(r)[1])).toEqual(['Ann']);
  });
});

describe('Rights page: takedown list', () => {
  const takedowns = [
    makeTakedown(1, { ended: true, endsOn: '2026-11-01' }),
    makeTakedown(2, { sku: 'SKU-2', file: 'amazon/SKU-2-1.jpg' }),
  ];

  it('lists files in packs whose licence ends within the engine’s default window, or another', async () => {
    const { transport, root } = await start({ takedowns });
    expect(transport.callsOf('takedowns.list')).toEqual([{ days: 30 }]);
    const rows = byTestId(root, 'takedown-table')[0]!.querySelectorAll('tbody tr');
    expect(cells(rows[0] as HTMLElement)).toEqual([
      'Licence 1',
      '2026-11-01 (ended)',
      'amazon',
      'SKU-1',
      '/packs/spring',
      'amazon/SKU-1-1.jpg',
    ]);
    typeInto(labelled(root, 'Licences ending within (days)'), '90');
    await press(oneByTestId(root, 'takedown-days'));
    expect(transport.callsOf('takedowns.list')).toContainEqual({ days: 90 });
  });

  it('on the desktop, Save as CSV… picks a folder; an existing file is replaced only when asked', async () => {
    const { transport, root } = await start({ takedowns }, (t) => {
      t.pickFolder = () => Promise.resolve('/home/me/reports');
    });
    expect(byTestId(root, 'takedown-download')).toHaveLength(0);
    let exists = true;
    transport.handle('takedowns.writeCsv', ({ path, force }) => {
      if (exists && !force) throw new PackshotError('conflict', `${path} already exists`);
      return { path, rows: 2 };
    });
    await press(oneByTestId(root, 'takedown-choose'));
    const target = csvPathIn('/home/me/reports');
    expect(target).toMatch(/^\/home\/me\/reports\/takedown-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(transport.callsOf('takedowns.writeCsv')).toEqual([
      { days: 30, path: target, force: false },
    ]);
    expect(oneByTestId(root, 'takedown-exists').textContent).toContain(`${target} already exists.`);
    exists = false;
    await press(oneByTestId(root, 'takedown-replace'));
    expect(transport.callsOf('takedowns.writeCsv')[1]).toEqual({
      days: 30,
      path: target,
      force: true,
    });
    expect(oneByTestId(root, 'takedown-saved').textContent).toBe(`Saved 2 rows to ${target}`);
  });

  it('in a browser, saves to a typed path or downloads the CSV', async () => {
    const { transport, root } = await start({ takedowns });
    expect(byTestId(root, 'takedown-choose')).toHaveLength(0);
    await press(oneByTestId(root, 'takedown-save'));
    expect(oneByTestId(root, 'takedown-failed').textContent).toBe('Say where to save the CSV.');
    typeInto(labelled(root, 'Save as CSV to'), '/srv/out/takedown.csv');
    await press(oneByTestId(root, 'takedown-save'));
    expect(transport.callsOf('takedowns.writeCsv')).toEqual([
      { days: 30, path: '/srv/out/takedown.csv', force: false },
    ]);

    const blobs: Blob[] = [];
    // jsdom has no object URLs: stand in for them for this test only.
    const { createObjectURL, revokeObjectURL } = URL;
    onTestFinished(() => {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    });
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:takedown';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toMatch(/^takedown-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(this.href).toBe('blob:takedown');
    });
    await press(oneByTestId(root, 'takedown-download'));
    expect(transport.callsOf('takedowns.csv')).toEqual([{ days: 30 }]);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(await blobs[0]?.text()).toBe('licence_id,licence\n1,Licence 1\n2,Licence 2\n');
  });
});
