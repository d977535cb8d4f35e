// @vitest-environment jsdom
// The culling keyboard on a mounted grid, preview panel and culling bar, against a fake
// engine that keeps the edits it is sent (so badges can be checked) and an undo stack.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import type { Asset, EditResult } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, type FakeTransport } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { AssetGrid } from '../grid/AssetGrid';
import { PreviewPanel } from '../preview/PreviewPanel';
import { CullingBar } from './CullingBar';
import { CullingLayer } from './CullingLayer';

type Fields = Pick<Asset, 'rating' | 'flag' | 'label'>;

/** A fake engine over `total` assets whose culling fields edits really change. */
function cullingEngine(total = 6): FakeTransport {
  const fields = new Map<number, Partial<Fields>>();
  const history: Array<{ label: string; before: Map<number, Partial<Fields>> }> = [];
  const redo: typeof history = [];
  const asset = (i: number): Asset => makeAsset(i, { ...fields.get(i + 1) });
  const transport = fakeEngine({ total, asset });
  const result = (changed: number, step: string | null): EditResult => ({
    changed,
    step,
    canUndo: history.length > 0,
    canRedo: redo.length > 0,
  });
  transport.handle('assets.edit', ({ ids, ...change }) => {
    const before = new Map(ids.map((id) => [id, { ...fields.get(id) }]));
    for (const id of ids) fields.set(id, { ...fields.get(id), ...change });
    const label = `Edit ${Object.keys(change).join(', ')} of ${ids.length}`;
    history.push({ label, before });
    redo.length = 0;
    transport.emit('assets.changed', { catalogId: null });
    return result(ids.length, label);
  });
  transport.handle('edits.undo', () => {
    const step = history.pop();
    if (step === undefined) return result(0, null);
    const after = new Map([...step.before.keys()].map((id) => [id, { ...fields.get(id) }]));
    for (const [id, value] of step.before) fields.set(id, value);
    redo.push({ label: step.label, before: after });
    transport.emit('assets.changed', { catalogId: null });
    return result(step.before.size, step.label);
  });
  transport.handle('edits.redo', () => {
    const step = redo.pop();
    if (step === undefined) return result(0, null);
    for (const [id, value] of step.before) fields.set(id, value);
    history.push(step);
    transport.emit('assets.changed', { catalogId: null });
    return result(step.before.size, step.label);
  });
  transport.handle('assets.editQuery', ({ query }) => result(total, `Edit all of ${query}`));
  return transport;
}

let restoreLayout: () => void;
let ui: Harness | undefined;

beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});

afterEach(() => {
  ui?.unmount();
  ui = undefined;
  restoreLayout();
});

async function start(transport = cullingEngine()) {
  ui = await startUi(
    <>
      <CullingBar />
      <AssetGrid />
      <PreviewPanel />
      <CullingLayer />
    </>,
    transport,
  );
  return { transport, root: ui.root, stores: ui.stores };
}

const cells = (root: HTMLElement) => byTestId(root, 'grid-cell');

async function click(element: HTMLElement | undefined, init: MouseEventInit = {}): Promise<void> {
  if (element === undefined) throw new Error('nothing to click');
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }));
  });
  await flush();
}

async function press(
  key: string,
  init: KeyboardEventInit = {},
  target: EventTarget = document.body,
): Promise<void> {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  });
  await flush();
}

const edits = (t: FakeTransport) => t.callsOf('assets.edit') as Array<MethodArgs<'assets.edit'>>;

describe('culling keys', () => {
  it('rate, flag and label the whole multi-selection, one call per key', async () => {
    const { transport, root } = await start();
    await click(cells(root)[0]);
    await click(cells(root)[2], { ctrlKey: true });
    await click(cells(root)[3], { metaKey: true });
    for (const key of ['5', 'p', 'x', 'u', '6', '9', '0']) await press(key);
    expect(edits(transport)).toEqual([
      { ids: [1, 3, 4], rating: 5 },
      { ids: [1, 3, 4], flag: 'pick' },
      { ids: [1, 3, 4], flag: 'reject' },
      { ids: [1, 3, 4], flag: 'none' },
      { ids: [1, 3, 4], label: 'red' },
      { ids: [1, 3, 4], label: 'blue' },
      { ids: [1, 3, 4], rating: 0 },
    ]);
  });

  it('Shift-click selects a range; the badges and the preview show the result', async () => {
    const { transport, root } = await start();
    await click(cells(root)[1]);
    await click(cells(root)[3], { shiftKey: true });
    await press('4');
    await press('x');
    await press('7');
    expect(edits(transport)[0]).toEqual({ ids: [2, 3, 4], rating: 4 });
    const third = cells(root)[2];
    expect(third?.querySelector('[data-testid="cell-rating"]')?.textContent).toBe('★★★★');
    expect(third?.querySelector('[data-testid="cell-flag"]')?.getAttribute('data-flag')).toBe(
      'reject',
    );
    expect(third?.querySelector('[data-testid="cell-label"]')?.getAttribute('data-label')).toBe(
      'yellow',
    );
    expect(cells(root)[0]?.querySelector('[data-testid="cell-rating"]')).toBeNull();
    // The preview follows the focus: the last frame clicked.
    expect(oneByTestId(root, 'preview-stars').dataset.rating).toBe('4');
    expect(oneByTestId(root, 'preview-flag').dataset.flag).toBe('reject');
    expect(oneByTestId(root, 'preview-label').dataset.label).toBe('yellow');
    expect(oneByTestId(root, 'selection-count').textContent).toBe('3 selected');
  });

  it('a label key on a frame that has that label clears it, as in Lightroom', async () => {
    const { transport, root } = await start();
    await click(cells(root)[0]);
    await press('8');
    await press('8');
    expect(edits(transport).map((e) => e.label)).toEqual(['green', null]);
  });

  it('are ignored while typing in a field, or with a dialog open', async () => {
    const { transport, root } = await start();
    await click(cells(root)[0]);
    const input = oneByTestId(root, 'tag-input');
    await press('5', {}, input);
    await press('z', { ctrlKey: true }, input);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.appendChild(dialog);
    await press('5');
    dialog.remove();
    expect(edits(transport)).toEqual([]);
    expect(transport.callsOf('edits.undo')).toEqual([]);
    await press('5');
    expect(edits(transport)).toHaveLength(1);
  });

  it('auto-advance moves the selection to the next frame after a rating or flag', async () => {
    const { transport, root, stores } = await start();
    act(() => oneByTestId(root, 'auto-advance').click());
    expect(stores.prefs.getState().autoAdvance).toBe(true);
    expect(ui?.storage.getItem('packshot.autoAdvance')).toBe('true');
    await click(cells(root)[0]);
    await press('3');
    await press('p');
    expect(edits(transport)).toEqual([
      { ids: [1], rating: 3 },
      { ids: [2], flag: 'pick' },
    ]);
    expect(stores.selection.getState().id).toBe(3);
    expect(cells(root)[2]?.getAttribute('aria-selected')).toBe('true');
  });

  it('Ctrl+A then a key edits the whole list through its query, in one call', async () => {
    const { transport, root, stores } = await start();
    await click(cells(root)[0]);
    await press('a', { ctrlKey: true });
    expect(cells(root).every((c) => c.getAttribute('aria-selected') === 'true')).toBe(true);
    act(() => stores.assets.getState().setView({ hideRejects: true }));
    await flush();
    await press('a', { ctrlKey: true });
    await press('2');
    expect(edits(transport)).toEqual([]);
    expect(transport.callsOf('assets.editQuery')).toEqual([
      { query: 'NOT flag:reject', rating: 2 },
    ]);
  });
});

describe('undo and redo', () => {
  it('Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y call edits.undo / redo, restore badges and toast', async () => {
    const { transport, root } = await start();
    await click(cells(root)[0]);
    await press('5');
    expect(cells(root)[0]?.querySelector('[data-testid="cell-rating"]')?.textContent).toBe('★★★★★');
    expect(oneByTestId(root, 'undo-button').title).toBe('Undo “Edit rating of 1” (Ctrl+Z)');

    await press('z', { ctrlKey: true });
    expect(transport.callsOf('edits.undo')).toHaveLength(1);
    expect(cells(root)[0]?.querySelector('[data-testid="cell-rating"]')).toBeNull();
    expect(oneByTestId(root, 'edit-toast').textContent).toBe('Undone: Edit rating of 1');
    expect(oneByTestId(root, 'redo-button').title).toBe('Redo “Edit rating of 1” (Ctrl+Shift+Z)');

    await press('Z', { ctrlKey: true, shiftKey: true });
    expect(transport.callsOf('edits.redo')).toHaveLength(1);
    expect(cells(root)[0]?.querySelector('[data-testid="cell-rating"]')?.textContent).toBe('★★★★★');
    expect(oneByTestId(root, 'edit-toast').textContent).toBe('Redone: Edit rating of 1');

    await press('z', { metaKey: true });
    await press('y', { ctrlKey: true });
    expect(transport.callsOf('edits.undo')).toHaveLength(2);
    expect(transport.callsOf('edits.redo')).toHaveLength(2);
  });

  it('the toolbar buttons undo and redo, and say when there is nothing to undo', async () => {
    const { transport, root } = await start();
    act(() => oneByTestId(root, 'undo-button').click());
    await flush();
    expect(transport.callsOf('edits.undo')).toHaveLength(1);
    expect(oneByTestId(root, 'edit-toast').textContent).toBe('Nothing to undo');
    expect((oneByTestId(root, 'undo-button') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('compare view', () => {
  it('shows the selected frames side by side; keys act on the focus, arrows move it', async () => {
    const { transport, root } = await start();
    await click(cells(root)[1]);
    await click(cells(root)[3], { ctrlKey: true });
    await click(cells(root)[4], { ctrlKey: true });
    act(() => oneByTestId(root, 'compare-button').click());
    await flush();
    const view = oneByTestId(root, 'compare-view');
    const frames = byTestId(view, 'compare-frame');
    expect(frames.map((f) => f.dataset.assetId)).toEqual(['5', '2', '4']);
    expect(transport.callsOf('previews.ensure')).toEqual([{ id: 5 }, { id: 2 }, { id: 4 }]);
    expect(frames[0]?.querySelector('img')?.getAttribute('src')).toBe(
      'test-media://preview/preview-5',
    );

    await press('1', {}, view);
    await press('ArrowRight', {}, view);
    await press('x', {}, view);
    expect(edits(transport)).toEqual([
      { ids: [5], rating: 1 },
      { ids: [2], flag: 'reject' },
    ]);
    expect(byTestId(view, 'compare-frame')[1]?.getAttribute('aria-current')).toBe('true');

    await press('Escape', {}, view);
    expect(byTestId(root, 'compare-view')).toEqual([]);
  });

  it('opens with C, and not on fewer than two frames', async () => {
    const { root } = await start();
    await click(cells(root)[0]);
    await press('c');
    expect(byTestId(root, 'compare-view')).toEqual([]);
    await click(cells(root)[1], { ctrlKey: true });
    await press('c');
    expect(byTestId(oneByTestId(root, 'compare-view'), 'compare-frame')).toHaveLength(2);
  });
});
