// @vitest-environment jsdom
// The grid's rows carry no keywords (assets.list keywords: false): the preview lists the
// selected asset's from assets.get, and asks again when tags change.
import { act } from 'react';
import { afterEach, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, makeDetail } from '../../test-support/fake-transport';
import { byTestId, flush } from '../../test-support/render';
import { PreviewPanel } from '../preview/PreviewPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

/** A grid row as the engine lists it for the grid: no keywords. */
function gridRow(i: number): Asset {
  const { keywords: _, ...row } = makeAsset(i);
  return row;
}

it('lists the keywords assets.get gives, and reads them again after tagging', async () => {
  let keywords = ['Footwear|Boots', 'Studio'];
  const transport = fakeEngine({
    asset: gridRow,
    detail: (asset) => ({ ...makeDetail(asset), keywords }),
  });
  harness = await startUi(<PreviewPanel />, transport);
  const { stores, root } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(0, 1));
  await flush();
  await flush();
  const chips = () => byTestId(root, 'preview-tag').map((c) => c.dataset.path);
  expect(chips()).toEqual(['Footwear|Boots', 'Studio']);

  keywords = ['Studio'];
  act(() => transport.emit('tags.changed', {}));
  await flush();
  await flush();
  expect(transport.callsOf('assets.get')).toEqual([{ id: 1 }, { id: 1 }]);
  expect(chips()).toEqual(['Studio']);
});

it('prefers the fresh detail over keywords an asset fetched earlier still carries', async () => {
  // An asset read with assets.get (its page dropped, or another view's list) has keywords
  // from then; after tagging only the detail is read again.
  let keywords = ['Studio'];
  const transport = fakeEngine({
    asset: (i) => ({ ...makeAsset(i), keywords: ['Stale'] }),
    detail: (asset) => ({ ...makeDetail(asset), keywords }),
  });
  harness = await startUi(<PreviewPanel />, transport);
  const { stores, root } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(0, 1));
  await flush();
  await flush();
  const chips = () => byTestId(root, 'preview-tag').map((c) => c.dataset.path);
  expect(chips()).toEqual(['Studio']);

  keywords = ['Footwear|Boots', 'Studio'];
  act(() => transport.emit('tags.changed', {}));
  await flush();
  await flush();
  expect(chips()).toEqual(['Footwear|Boots', 'Studio']);
});
