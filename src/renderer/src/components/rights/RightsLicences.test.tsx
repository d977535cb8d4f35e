// @vitest-environment jsdom
// The Rights page's licences: the list, creating (checked before sending; the engine's
// refusal shown on the form), editing, deleting behind a confirmation, where a licence is
// used, reading again on rights.changed, and a failed read offering a retry.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PackshotError } from '../../../../shared/errors';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreset } from '../../test-support/fake-export';
import { makeLicence, makeUsage, serveRights } from '../../test-support/fake-rights';
import { settle } from '../../test-support/fake-transport';
import { choose, labelled, press, typeInto } from '../../test-support/interact';
import { byTestId, oneByTestId } from '../../test-support/render';
import { RightsView } from './RightsView';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const presets = [
  makePreset('amazon-main'),
  makePreset('shopify-square'),
  makePreset('amazon-zoom'),
];

async function start(seed: Parameters<typeof serveRights>[1] = {}) {
  const transport = fakeEngine({ presets });
  const state = serveRights(transport, seed);
  harness = await startUi(<RightsView />, transport);
  return { transport, state, root: harness.root };
}

const cells = (row: HTMLElement): string[] =>
  [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
const button = (root: ParentNode, name: string): HTMLElement => {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

describe('Rights page: licences', () => {
  it('lists every licence with its type, end and state, assets and live pack files', async () => {
    const { root } = await start({
      licences: [
        makeLicence(1, {
          name: 'Spring shoot',
          endsOn: '2026-01-01',
          status: 'expired',
          assets: 4,
          packFiles: 3,
        }),
        makeLicence(2, {
          name: 'CC set',
          licensor: null,
          type: 'creative-commons',
          ccVariant: 'CC BY 4.0',
          endsOn: null,
        }),
      ],
    });
    const rows = byTestId(root, 'licence-row');
    expect(rows.map((r) => r.dataset.status)).toEqual(['expired', 'active']);
    expect(cells(rows[0]!)).toEqual([
      'Spring shoot',
      'Studio',
      'Royalty-free',
      '2026-01-01 (expired)',
      '4',
      '3',
    ]);
    expect(cells(rows[1]!)).toEqual([
      'CC set',
      '—',
      'Creative Commons (CC BY 4.0)',
      'never',
      '0',
      '0',
    ]);
  });

  it('creates a licence with all its terms, offering the presets’ channels', async () => {
    const { transport, state, root } = await start();
    await press(oneByTestId(root, 'licence-new'));
    const form = oneByTestId(root, 'licence-form');
    // The opened form takes the focus, on its first field.
    expect(document.activeElement).toBe(labelled(form, 'Name'));
    typeInto(labelled(form, 'Name'), 'Summer shoot');
    typeInto(labelled(form, 'Licensor'), 'Studio Nord');
    typeInto(labelled(form, 'Contact'), 'ann@nord.example');
    choose(labelled(form, 'Type'), 'creative-commons');
    typeInto(labelled(form, 'Creative Commons variant'), 'CC BY-SA 4.0');
    typeInto(labelled(form, 'Reference'), 'PO-77');
    typeInto(labelled(form, 'Contract file'), '/contracts/nord.pdf');
    typeInto(labelled(form, 'Credit line'), '© Studio Nord');
    await press(oneByTestId(form, 'licence-creditRequired'));
    typeInto(labelled(form, 'Starts on'), '2026-06-01');
    typeInto(labelled(form, 'Ends on'), '2027-05-31');
    typeInto(labelled(form, 'Warn days before the end'), '45');
    choose(labelled(form, 'Territories'), 'exclude');
    typeInto(labelled(form, 'Territory codes'), 'us, ca');
    const channels = oneByTestId(form, 'licence-channels');
    // One box per channel id, however many presets share it.
    expect([...channels.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      'amazon',
      'shopify',
    ]);
    await press(channels.querySelector('input')!);
    const media = oneByTestId(form, 'licence-media').querySelectorAll('input');
    await press(media[0]!);
    await press(media[3]!);
    await press(oneByTestId(form, 'licence-modificationsAllowed'));
    await press(oneByTestId(form, 'licence-save'));

    expect(transport.callsOf('licences.create')).toEqual([
      {
        name: 'Summer shoot',
        licensor: 'Studio Nord',
        contact: 'ann@nord.example',
        type: 'creative-commons',
        ccVariant: 'CC BY-SA 4.0',
        reference: 'PO-77',
        contractPath: '/contracts/nord.pdf',
        creditLine: '© Studio Nord',
        creditRequired: true,
        startsOn: '2026-06-01',
        endsOn: '2027-05-31',
        warnDays: 45,
        territoriesMode: 'exclude',
        territories: ['us', 'ca'],
        channels: ['amazon'],
        media: ['web', 'marketplace'],
        modificationsAllowed: false,
      },
    ]);
    // The engine's list is read again; the new licence is chosen and its terms shown.
    expect(state.licences[0]?.territories).toEqual(['US', 'CA']);
    expect(byTestId(root, 'licence-form')).toHaveLength(0);
    const detail = oneByTestId(root, 'licence-detail');
    expect(detail.textContent).toContain('everywhere except US, CA');
    expect(detail.textContent).toContain('© Studio Nord (required)');
  });

  it('says what is wrong before sending, and shows the engine’s refusal when it refuses', async () => {
    const { transport, root } = await start();
    await press(oneByTestId(root, 'licence-new'));
    const form = oneByTestId(root, 'licence-form');
    typeInto(labelled(form, 'Starts on'), '2026-02-30');
    typeInto(labelled(form, 'Warn days before the end'), '-1');
    choose(labelled(form, 'Territories'), 'include');
    typeInto(labelled(form, 'Territory codes'), 'DE, Germany');
    await press(oneByTestId(form, 'licence-save'));
    expect(transport.callsOf('licences.create')).toEqual([]);
    const errors = [...form.querySelectorAll('.form-error')].map((e) => e.textContent);
    expect(errors).toEqual([
      'a name is needed',
      'a calendar day as YYYY-MM-DD',
      'a whole number of days, 0 to 3650',
      "'Germany' is not an ISO 3166-1 alpha-2 territory code (e.g. DE, FR, GB, US)",
    ]);
    expect(labelled(form, 'Name').getAttribute('aria-invalid')).toBe('true');

    typeInto(labelled(form, 'Name'), 'Shoot');
    typeInto(labelled(form, 'Starts on'), '2027-01-01');
    typeInto(labelled(form, 'Ends on'), '2026-01-01');
    typeInto(labelled(form, 'Warn days before the end'), '30');
    typeInto(labelled(form, 'Territory codes'), 'DE');
    await press(oneByTestId(form, 'licence-save'));
    expect(form.querySelector('.form-error')?.textContent).toBe(
      'the licence ends before it starts',
    );
    // The first field to fix takes the focus.
    expect(document.activeElement).toBe(labelled(form, 'Ends on'));

    transport.handle('licences.create', () => {
      throw new PackshotError('conflict', 'the library is read-only');
    });
    typeInto(labelled(form, 'Ends on'), '2028-01-01');
    await press(oneByTestId(form, 'licence-save'));
    expect(oneByTestId(form, 'licence-form-refusal').textContent).toBe('the library is read-only');
    expect(transport.callsOf('licences.create')).toHaveLength(1);
  });

  it('edits a licence: the form starts from its terms and sends them all back', async () => {
    const { transport, root } = await start({
      licences: [
        makeLicence(7, {
          name: 'Shoot',
          channels: ['etsy'],
          media: ['print'],
          territoriesMode: 'include',
          territories: ['DE', 'AT'],
        }),
      ],
    });
    await press(oneByTestId(root, 'licence-select'));
    await press(oneByTestId(root, 'licence-edit'));
    const form = oneByTestId(root, 'licence-form');
    expect(form.getAttribute('aria-label')).toBe('Edit licence “Shoot”');
    expect((labelled(form, 'Territory codes') as HTMLInputElement).value).toBe('DE, AT');
    // A channel no preset has any more is still shown, ticked.
    const etsy = [...oneByTestId(form, 'licence-channels').querySelectorAll('label')].find(
      (l) => l.textContent === 'etsy',
    );
    expect(etsy?.querySelector('input')?.checked).toBe(true);
    typeInto(labelled(form, 'Ends on'), '2030-12-31');
    await press(oneByTestId(form, 'licence-save'));
    expect(transport.callsOf('licences.update')).toEqual([
      expect.objectContaining({
        id: 7,
        name: 'Shoot',
        endsOn: '2030-12-31',
        channels: ['etsy'],
        media: ['print'],
        territories: ['DE', 'AT'],
      }),
    ]);
    expect(cells(oneByTestId(root, 'licence-row'))[3]).toBe('2030-12-31');
  });

  it('deletes a licence only after the confirmation', async () => {
    const { transport, root } = await start({
      licences: [makeLicence(1, { assets: 2 }), makeLicence(2)],
    });
    await press(byTestId(root, 'licence-select')[0]!);
    await press(button(root, 'Delete licence Licence 1'));
    expect(transport.callsOf('licences.delete')).toEqual([]);
    expect(root.textContent).toContain('Delete “Licence 1”? 2 assets will no longer hold it.');
    await press(button(root, 'Keep'));
    expect(transport.callsOf('licences.delete')).toEqual([]);
    await press(button(root, 'Delete licence Licence 1'));
    await press(oneByTestId(root, 'licence-delete-confirm'));
    expect(transport.callsOf('licences.delete')).toEqual([{ id: 1 }]);
    expect(byTestId(root, 'licence-row').map((r) => cells(r)[0])).toEqual(['Licence 2']);
    expect(byTestId(root, 'licence-detail')).toHaveLength(0);
  });

  it('shows where a chosen licence is used: its assets and where their files went', async () => {
    const { root } = await start({
      licences: [makeLicence(3, { name: 'Shoot' })],
      whereUsed: new Map([
        [
          3,
          {
            assets: [
              { id: 1, name: 'a.jpg', relPath: 'spring/a.jpg' },
              { id: 2, name: 'b.jpg', relPath: 'b.jpg' },
            ],
            usages: [
              makeUsage(1),
              makeUsage(1, { pack: '/packs/old', removedAt: '2026-11-20T10:00:00.000Z' }),
            ],
          },
        ],
      ]),
    });
    await press(oneByTestId(root, 'licence-select'));
    expect(byTestId(root, 'where-used-asset').map((a) => a.textContent)).toEqual([
      'a.jpg',
      'b.jpg',
    ]);
    const rows = byTestId(root, 'where-used-row');
    expect(cells(rows[0]!)).toEqual([
      'amazon',
      'SKU-1',
      '/packs/spring',
      'amazon/SKU-1-1.jpg',
      '2026-11-02 09:30',
      'in the pack',
    ]);
    expect(rows[1]!.dataset.live).toBe('false');
    expect(cells(rows[1]!)[5]).toBe('removed 2026-11-20 10:00');
  });

  it('reads again when the engine says rights changed', async () => {
    const { transport, state, root } = await start({ licences: [makeLicence(1)] });
    state.licences = [makeLicence(1, { status: 'expired', endsOn: '2026-01-01' })];
    const payload = { expired: 1, expiring: 0, newlyExpired: 1, newlyExpiring: 0 };
    await act(async () => {
      transport.emit('rights.changed', payload);
      await settle();
    });
    expect(oneByTestId(root, 'licence-row').dataset.status).toBe('expired');
  });

  it('says when it cannot read the licences, and reads again on request', async () => {
    const transport = fakeEngine({ presets });
    serveRights(transport);
    let fail = true;
    transport.handle('licences.list', () => {
      if (fail) throw new Error('library busy');
      return [makeLicence(1)];
    });
    harness = await startUi(<RightsView />, transport);
    const { root } = harness;
    expect(root.textContent).toContain('Could not read the licences.');
    fail = false;
    await press(button(root, 'Try again'));
    expect(byTestId(root, 'licence-row')).toHaveLength(1);
    expect(root.textContent).not.toContain('Could not read');
  });
});
