// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { RightsNotice } from '../../../../shared/rights-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { serveRights } from '../../test-support/fake-rights';
import { makeCatalog } from '../../test-support/fake-transport';
import { press } from '../../test-support/interact';
import { byTestId, oneByTestId } from '../../test-support/render';
import { App } from '../App';
import { noticeLine } from './notice-line';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const notice = (licenceId: number, status: RightsNotice['status']): RightsNotice => ({
  licenceId,
  name: `Licence ${licenceId}`,
  licensor: 'Studio',
  endsOn: status === 'expired' ? '2026-01-01' : '2099-01-01',
  warnDays: 30,
  status,
  assets: 3,
  packFiles: 2,
});

describe('rights notices at start', () => {
  it('says how many licences expired or end soon, and links to the Rights view', async () => {
    const transport = fakeEngine({ catalogs: [makeCatalog(1)] });
    serveRights(transport);
    const notices = [notice(1, 'expired'), notice(2, 'expired'), notice(3, 'expiring')];
    transport.handle('rights.notices', () => notices);
    harness = await startUi(<App />, transport);
    const { root } = harness;
    const line = oneByTestId(root, 'rights-start-notice');
    expect(line.textContent).toContain('2 licences expired, 1 ends within 30 days — see Rights');

    await press(line.querySelector<HTMLElement>('button.link')!);
    expect(oneByTestId(root, 'section-rights').getAttribute('aria-current')).toBe('page');
    expect(byTestId(root, 'rights-start-notice')).toHaveLength(0);
    const rows = byTestId(root, 'rights-notice');
    expect(rows.map((r) => r.dataset.status)).toEqual(['expired', 'expired', 'expiring']);
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Licence 1 · Studio',
      '2026-01-01 (expired)',
      '3',
      '2',
    ]);
  });

  it('shows nothing when no licence has expired or ends soon', async () => {
    harness = await startUi(<App />, fakeEngine({ catalogs: [makeCatalog(1)] }));
    expect(byTestId(harness.root, 'rights-start-notice')).toHaveLength(0);
  });

  it('the Rights view says when it cannot read the notices, and reads again on request', async () => {
    const transport = fakeEngine({ catalogs: [makeCatalog(1)] });
    serveRights(transport);
    let fail = true;
    transport.handle('rights.notices', () => {
      if (fail) throw new Error('library busy');
      return [notice(1, 'expired')];
    });
    harness = await startUi(<App />, transport);
    const { root } = harness;
    await press(oneByTestId(root, 'section-rights'));
    expect(root.textContent).toContain('Could not read the licence notices.');
    fail = false;
    const retry = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
    await press(retry!);
    expect(byTestId(root, 'rights-notice')).toHaveLength(1);
  });

  it('words the line for each mix', () => {
    expect(noticeLine([])).toBeNull();
    expect(noticeLine([notice(1, 'expired')])).toBe('1 licence expired');
    expect(noticeLine([notice(1, 'expiring'), { ...notice(2, 'expiring'), warnDays: 60 }])).toBe(
      '2 licences end within 60 days',
    );
  });
});
