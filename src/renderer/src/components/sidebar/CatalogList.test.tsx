// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import type { FolderNode } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeCatalog, type FakeTransport } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { CatalogList } from './CatalogList';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const FOLDERS: FolderNode[] = [
  { catalogId: 1, path: '', count: 12 },
  { catalogId: 1, path: '2026', count: 9 },
  { catalogId: 1, path: '2026/spring', count: 4 },
  { catalogId: 1, path: '2026/summer', count: 5 },
  { catalogId: 1, path: 'archive', count: 3 },
];

async function start(transport: FakeTransport) {
  harness = await startUi(<CatalogList />, transport);
  return harness;
}

const nodes = (root: HTMLElement) =>
  byTestId(root, 'folder-node').map((n) => `${n.dataset.path}:${n.textContent}`);

async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => element.click());
  await flush();
}

const node = (root: HTMLElement, path: string) =>
  root.querySelector(`[data-testid="folder-node"][data-path="${path}"]`);

describe('folder tree', () => {
  it('shows each catalog’s top folders with their counts, and opens a folder to show its own', async () => {
    const { root } = await start(
      fakeEngine({ catalogs: [makeCatalog(1, { name: 'shoot' })], folders: FOLDERS }),
    );
    const tree = oneByTestId(root, 'folder-tree');
    expect(tree.dataset.catalogId).toBe('1');
    expect(nodes(root)).toEqual(['2026:20269', 'archive:archive3']);
    expect(node(root, '2026')?.getAttribute('data-catalog-id')).toBe('1');

    await click(root.querySelector('[aria-label="Show folders in 2026"]'));
    expect(nodes(root)).toEqual([
      '2026:20269',
      '2026/spring:spring4',
      '2026/summer:summer5',
      'archive:archive3',
    ]);
    await click(root.querySelector('[aria-label="Hide folders in 2026"]'));
    expect(nodes(root)).toHaveLength(2);
    await click(root.querySelector('[aria-label="Hide folders in shoot"]'));
    expect(byTestId(root, 'folder-tree')).toEqual([]);
  });

  it('filters the grid to a folder, and back to the whole catalog', async () => {
    const transport = fakeEngine({ catalogs: [makeCatalog(1)], folders: FOLDERS });
    const { root, stores } = await start(transport);
    stores.assets.getState().ensureRange(0, 0);
    await click(node(root, 'archive'));
    expect(stores.assets.getState().view).toMatchObject({ catalogId: 1, folder: 'archive' });
    expect(node(root, 'archive')?.getAttribute('aria-current')).toBe('true');
    const lists = transport.callsOf('assets.list') as Array<MethodArgs<'assets.list'>>;
    expect(lists.at(-1)).toMatchObject({ catalogId: 1, folder: 'archive' });

    await click(root.querySelector('.catalog-item[data-catalog-id="1"]'));
    expect(stores.assets.getState().view).toMatchObject({ catalogId: 1, folder: null });
    expect(node(root, 'archive')?.getAttribute('aria-current')).toBeNull();
  });

  it('follows the engine: a new folder appears after assets change', async () => {
    let folders = FOLDERS.slice(0, 2);
    const transport = fakeEngine({ catalogs: [makeCatalog(1)] });
    transport.handle('folders.list', () => folders);
    const { root } = await start(transport);
    expect(nodes(root)).toEqual(['2026:20269']);
    folders = [...folders, { catalogId: 1, path: 'new', count: 1 }];
    act(() => transport.emit('assets.changed', { catalogId: 1 }));
    await flush();
    await flush();
    expect(nodes(root)).toEqual(['2026:20269', 'new:new1']);
  });
});

describe('catalog state', () => {
  it('says when a catalog is offline or watched by polling, and only then', async () => {
    const { root } = await start(
      fakeEngine({
        catalogs: [
          makeCatalog(1, { name: 'fine' }),
          makeCatalog(2, { name: 'usb', online: false }),
          makeCatalog(3, { name: 'huge', watch: 'polling' }),
        ],
      }),
    );
    const offline = oneByTestId(root, 'catalog-offline');
    expect(offline.closest('li')?.textContent).toContain('usb');
    const polling = oneByTestId(root, 'catalog-watch-polling');
    expect(polling.closest('li')?.textContent).toContain('huge');
    expect(polling.textContent).toMatch(/polling/i);
    expect(polling.textContent).toMatch(/watch limit/i);
  });
});
