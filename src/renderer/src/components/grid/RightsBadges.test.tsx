// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { byTestId, flush, stubLayout } from '../../test-support/render';
import { AssetGrid } from './AssetGrid';
import { CellBadges } from './CellBadges';

let harness: Harness | undefined;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  restoreLayout();
});

const marks = (root: HTMLElement) =>
  byTestId(root, 'grid-cell').map((cell) =>
    [
      ...byTestId(cell, 'cell-badge-rights').map((b) => `${b.textContent}|${b.title}`),
      ...byTestId(cell, 'cell-badge-approval').map((b) => b.getAttribute('data-approval')),
    ].join(' '),
  );

describe('rights badges', () => {
  it('marks blocked and ending licences and decided approvals, and leaves the rest quiet', async () => {
    const cells: Partial<Asset>[] = [
      { rightsFlag: 'block', approval: 'rejected' },
      { rightsFlag: 'warn', approval: 'approved' },
      { rightsFlag: 'ok', approval: 'in-review' },
      { rightsFlag: null, approval: 'draft' },
      {},
    ];
    harness = await startUi(
      <>
        {cells.map((c, i) => (
          <div key={i} data-testid="grid-cell">
            <CellBadges asset={makeAsset(i, c)} />
          </div>
        ))}
      </>,
      fakeEngine(),
    );
    expect(marks(harness.root)).toEqual([
      'Rights|A licence has ended or has not started yet: pre-flight blocks it for every channel rejected',
      'Ends soon|A licence ends within its warning window approved',
      'in-review',
      '',
      '',
    ]);
    const [rejected] = byTestId(harness.root, 'cell-badge-approval');
    expect(rejected?.getAttribute('aria-label')).toBe('Rejected (this content)');
  });

  it('rights edits (assets.changed) and the daily job (rights.changed) refresh the visible cells', async () => {
    const state: Record<number, Partial<Asset>> = {};
    const transport = fakeEngine({ total: 3, asset: (i) => makeAsset(i, state[i] ?? {}) });
    harness = await startUi(<AssetGrid />, transport);
    await flush();
    expect(marks(harness.root)).toEqual(['', '', '']);

    state[1] = { rightsFlag: 'warn', approval: 'approved' };
    // What licences.attach / approvals.set emit through the engine.
    act(() => transport.emit('assets.changed', { catalogId: null }));
    await flush();
    await flush();
    expect(marks(harness.root)[1]).toMatch(/^Ends soon\|.* approved$/);

    state[1] = { rightsFlag: 'block', approval: 'approved' };
    act(() =>
      transport.emit('rights.changed', {
        expired: 1,
        expiring: 0,
        newlyExpired: 1,
        newlyExpiring: 0,
      }),
    );
    await flush();
    await flush();
    expect(marks(harness.root)[1]).toMatch(/^Rights\|.* approved$/);
  });
});
