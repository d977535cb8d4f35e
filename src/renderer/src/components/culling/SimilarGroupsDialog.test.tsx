// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { editDone, fakeEngine } from '../../test-support/fake-engine';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { CullingBar } from './CullingBar';

let ui: Harness | undefined;

afterEach(() => {
  ui?.unmount();
  ui = undefined;
});

describe('bursts and duplicates', () => {
  it('lists similar groups with the best frame marked; Keep best is one undoable call', async () => {
    const transport = fakeEngine({ total: 6 })
      .handle('bursts.list', () => [
        { group: 7, ids: [1, 2, 3], best: 2 },
        { group: 9, ids: [5, 6], best: 6 },
      ])
      .handle('bursts.keepBest', () => editDone(3, 'Keep best of 3'));
    ui = await startUi(<CullingBar />, transport);
    act(() => oneByTestId(ui!.root, 'similar-button').click());
    await flush();
    const dialog = oneByTestId(document.body, 'similar-dialog');
    const groups = byTestId(dialog, 'similar-group');
    expect(groups).toHaveLength(2);
    expect(groups[0]?.querySelectorAll('figure')).toHaveLength(3);
    expect(groups[0]?.querySelector('.is-best')?.getAttribute('title')).toBe('img-000001.jpg');

    const keep = byTestId(dialog, 'keep-best')[0];
    act(() => keep?.click());
    await flush();
    expect(transport.callsOf('bursts.keepBest')).toEqual([{ group: 7 }]);
    expect(keep?.textContent).toBe('Kept ✓');
    expect(ui.stores.edits.getState().undoLabel).toBe('Keep best of 3');
  });
});
