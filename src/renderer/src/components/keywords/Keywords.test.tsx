// @vitest-environment jsdom
// The keyword panel, the autocomplete input and the preview's keyword list, mounted on
// real stores over a fake engine.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { editDone, fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, type FakeTransport } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { CullingBar } from '../culling/CullingBar';
import { AssetGrid } from '../grid/AssetGrid';
import { PreviewPanel } from '../preview/PreviewPanel';
import { KeywordPanel } from './KeywordPanel';

const tag = (id: number, parentId: number, path: string, count: number): Tag => ({
  id,
  parentId,
  name: path.split('|').pop() ?? path,
  path,
  count,
});

const TAGS = [
  tag(1, 0, 'Product', 0),
  tag(2, 1, 'Product|Shoes', 3),
  tag(3, 2, 'Product|Shoes|Sneakers', 2),
  tag(4, 0, 'Shoot', 1),
];

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

async function start(transport: FakeTransport = fakeEngine({ tags: TAGS })) {
  transport
    .handle('tags.rename', () => editDone(1, 'Rename'))
    .handle('tags.move', () => editDone(1, 'Move'))
    .handle('tags.merge', () => editDone(1, 'Merge'))
    .handle('tags.import', ({ text }) => ({ created: text.split('\n').length, total: 9 }));
  ui = await startUi(
    <>
      <KeywordPanel />
      <CullingBar />
      <AssetGrid />
      <PreviewPanel />
    </>,
    transport,
  );
  return { transport, root: ui.root, stores: ui.stores };
}

const rows = (root: HTMLElement) => byTestId(root, 'keyword-row');
const row = (root: HTMLElement, path: string): HTMLElement => {
  const found = rows(root).find((r) => r.dataset.path === path);
  if (found === undefined) throw new Error(`no row ${path}`);
  return found;
};

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(target: HTMLElement, key: string): Promise<void> {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await flush();
}

async function click(element: HTMLElement | undefined, init: MouseEventInit = {}): Promise<void> {
  if (element === undefined) throw new Error('nothing to click');
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }));
  });
  await flush();
}

const button = (root: HTMLElement, label: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(`button[aria-label="${label}"]`);
  if (found === null) throw new Error(`no button ${label}`);
  return found;
};

describe('keyword panel', () => {
  it('shows the tree from flat tags, collapsed, each with its count', async () => {
    const { root } = await start();
    expect(rows(root).map((r) => r.dataset.path)).toEqual(['Product', 'Shoot']);
    expect(row(root, 'Shoot').querySelector('[data-testid="keyword-count"]')?.textContent).toBe(
      '1',
    );
    await click(button(root, 'Show keywords in Product'));
    await click(button(root, 'Show keywords in Shoes'));
    const count = (r: HTMLElement) => r.querySelector('[data-testid="keyword-count"]')?.textContent;
    expect(rows(root).map((r) => [r.dataset.path, r.getAttribute('aria-level'), count(r)])).toEqual(
      [
        ['Product', '1', '0'],
        ['Product|Shoes', '2', '3'],
        ['Product|Shoes|Sneakers', '3', '2'],
        ['Shoot', '1', '1'],
      ],
    );
  });

  it('a click on a keyword searches for it with tag:"Path"', async () => {
    const { root, stores, transport } = await start();
    await click(
      row(root, 'Shoot').querySelector<HTMLElement>('[data-testid="keyword-name"]') ?? undefined,
    );
    expect(stores.assets.getState().view.query).toBe('tag:"Shoot"');
    expect(transport.callsOf('assets.list').at(-1)).toMatchObject({ query: 'tag:"Shoot"' });
    expect(row(root, 'Shoot').className).toContain('is-active');
  });

  it('renames in place, moves and merges through the picker, each an undoable call', async () => {
    const { root, transport, stores } = await start();
    await click(button(root, 'Rename Shoot'));
    const field = oneByTestId(root, 'keyword-rename') as HTMLInputElement;
    type(field, 'Shoots');
    await key(field, 'Enter');
    expect(transport.callsOf('tags.rename')).toEqual([{ id: 4, name: 'Shoots' }]);

    await click(button(root, 'Move Shoot to…'));
    const picker = oneByTestId(document.body, 'tag-picker');
    const select = oneByTestId(picker, 'tag-picker-select') as HTMLSelectElement;
    // A top-level tag moves under another; the top level itself is not offered.
    expect([...select.options].map((o) => o.text)).toEqual([
      'Product',
      'Product › Shoes',
      'Product › Shoes › Sneakers',
    ]);
    act(() => {
      select.value = '2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(picker.querySelector<HTMLElement>('button[type="submit"]') ?? undefined);
    expect(transport.callsOf('tags.move')).toEqual([{ id: 4, parentId: 2 }]);

    await click(button(root, 'Merge Product into…'));
    const merge = oneByTestId(document.body, 'tag-picker');
    await click(merge.querySelector<HTMLElement>('button[type="submit"]') ?? undefined);
    expect(transport.callsOf('tags.merge')).toEqual([{ from: 1, into: 2 }]);
    expect(stores.edits.getState().undoLabel).toBe('Merge');
  });

  it('a keyword dropped onto another moves under it, never into its own branch', async () => {
    const { root, transport } = await start();
    await click(button(root, 'Show keywords in Product'));
    const drop = (from: number, onto: HTMLElement): void => {
      const data = new Map([['application/x-packshot-tag', String(from)]]);
      const dataTransfer = {
        types: [...data.keys()],
        getData: (k: string) => data.get(k) ?? '',
      };
      act(() => {
        const event = new Event('drop', { bubbles: true, cancelable: true });
        Object.assign(event, { dataTransfer });
        onto.dispatchEvent(event);
      });
    };
    drop(4, row(root, 'Product|Shoes'));
    drop(1, row(root, 'Product|Shoes'));
    await flush();
    expect(transport.callsOf('tags.move')).toEqual([{ id: 4, parentId: 2 }]);
  });

  it('imports a keyword list file', async () => {
    const { root, transport } = await start();
    const input = oneByTestId(root, 'keyword-import-file') as HTMLInputElement;
    const file = new File(['Product\n\tShoes\n'], 'keywords.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(transport.callsOf('tags.import')).toEqual([{ text: 'Product\n\tShoes\n' }]);
    expect(oneByTestId(root, 'keyword-import-outcome').textContent).toBe('3 new of 9 keywords');
  });
});

describe('tag autocomplete', () => {
  it('suggests full paths with counts; arrows and Enter apply one to the selection', async () => {
    const { root, transport } = await start();
    await click(byTestId(root, 'grid-cell')[0]);
    await click(byTestId(root, 'grid-cell')[1], { ctrlKey: true });
    const input = oneByTestId(root, 'tag-input') as HTMLInputElement;
    act(() => input.focus());
    type(input, 'shoe');
    const options = () => byTestId(root, 'tag-suggestion');
    expect(options().map((o) => o.textContent)).toEqual([
      'Product › Shoes3',
      'Product › Shoes › Sneakers2',
      'Create “shoe”',
    ]);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    await key(input, 'ArrowDown');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    await key(input, 'ArrowDown');
    await key(input, 'ArrowDown'); // stays on the last
    expect(options()[2]?.getAttribute('aria-selected')).toBe('true');
    await key(input, 'ArrowUp');
    await key(input, 'Enter');
    expect(transport.callsOf('tags.apply')).toEqual([
      { ids: [1, 2], path: 'Product|Shoes|Sneakers' },
    ]);
    expect(input.value).toBe('');
    expect(options()).toEqual([]);
  });

  it('creates a new path when nothing matches; Escape closes the list, then clears', async () => {
    const { root, transport } = await start();
    await click(byTestId(root, 'grid-cell')[2]);
    const input = oneByTestId(root, 'tag-input') as HTMLInputElement;
    type(input, 'Colour | Red');
    expect(byTestId(root, 'tag-suggestion').map((o) => o.dataset.path)).toEqual(['Colour|Red']);
    await key(input, 'Escape');
    expect(byTestId(root, 'tag-suggestion')).toEqual([]);
    expect(input.value).toBe('Colour | Red');
    await key(input, 'Escape');
    expect(input.value).toBe('');
    type(input, 'Colour | Red');
    await key(input, 'Enter');
    expect(transport.callsOf('tags.apply')).toEqual([{ ids: [3], path: 'Colour|Red' }]);
  });
});

describe('remove from the selection', () => {
  it('takes a keyword off every selected frame in one call', async () => {
    const { root, transport } = await start();
    await click(byTestId(root, 'grid-cell')[0]);
    await click(byTestId(root, 'grid-cell')[2], { ctrlKey: true });
    await click(button(root, 'Remove Shoot from the selection'));
    expect(transport.callsOf('tags.remove')).toEqual([{ ids: [1, 3], tagId: 4 }]);
  });
});

describe('preview keywords', () => {
  it('lists the selected asset’s keywords, × removes one as one step', async () => {
    const transport = fakeEngine({
      tags: TAGS,
      asset: (i) => makeAsset(i, { keywords: ['Product|Shoes', 'Shoot'] }),
    });
    const { root } = await start(transport);
    await click(byTestId(root, 'grid-cell')[1]);
    const chips = byTestId(root, 'preview-tag');
    expect(chips.map((c) => c.dataset.path)).toEqual(['Product|Shoes', 'Shoot']);
    await click(button(root, 'Remove Shoot'));
    expect(transport.callsOf('tags.remove')).toEqual([{ ids: [2], tagId: 4 }]);
  });
});
