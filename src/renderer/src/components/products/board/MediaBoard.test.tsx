// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MEDIA_ROLES } from '../../../../../shared/product-dto';
import { startUi, type Harness } from '../../../test-support/app-harness';
import { dragAndDrop, FakeDataTransfer, fireDrag } from '../../../test-support/drag';
import { fakeEngine } from '../../../test-support/fake-engine';
import { makeCatalog, type FakeTransport } from '../../../test-support/fake-transport';
import { makeProduct, serveProducts } from '../../../test-support/fake-products';
import { byTestId, flush } from '../../../test-support/render';
import { FileDropDialog } from '../FileDropDialog';
import { ProductPage } from '../ProductPage';
import { AssetStrip } from '../strip/AssetStrip';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

/** Product 1 with gallery [11, 12, 13] and detail [21], on an engine serving 5 assets. */
async function start(configure: (t: FakeTransport) => void = () => undefined) {
  const transport = fakeEngine({ total: 5, catalogs: [makeCatalog(1), makeCatalog(2)] });
  serveProducts(transport, [makeProduct(1, { sku: 'SHOE-1' })]);
  transport.handle('assets.list', () => ({ total: 0, offset: 0, items: [] }));
  await transport.invoke('links.add', { productId: 1, assetIds: [11, 12, 13], role: 'gallery' });
  await transport.invoke('links.add', { productId: 1, assetIds: [21], role: 'detail' });
  configure(transport);
  transport.calls.length = 0;
  harness = await startUi(
    <>
      <ProductPage />
      <FileDropDialog />
    </>,
    transport,
  );
  act(() => harness!.stores.products.getState().select(1));
  await flush();
  return { transport, root: harness.root };
}

const slot = (root: HTMLElement, role: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(`[data-testid="role-slot"][data-role="${role}"]`);
  if (found === null) throw new Error(`no ${role} slot`);
  return found;
};
const tilesOf = (root: HTMLElement, role: string): HTMLElement[] =>
  byTestId(slot(root, role), 'link-tile');
const idsIn = (root: HTMLElement, role: string): number[] =>
  tilesOf(root, role).map((t) => Number(t.dataset.assetId));

async function dropAssets(target: Element, ids: number[], clientX = 0): Promise<void> {
  const transfer = new FakeDataTransfer();
  transfer.setData('application/x-packshot-assets', JSON.stringify(ids));
  expect(fireDrag(target, 'dragover', transfer, clientX), 'drop accepted').toBe(true);
  fireDrag(target, 'drop', transfer, clientX);
  await flush();
}

describe('media board', () => {
  it('shows one slot per role, in board order, with their labels', async () => {
    const { root } = await start();
    expect(byTestId(root, 'role-slot').map((s) => s.dataset.role)).toEqual([...MEDIA_ROLES]);
    const titles = byTestId(root, 'role-slot').map(
      (s) => s.querySelector('h3')?.firstChild?.textContent,
    );
    expect(titles).toEqual([
      'Main image',
      'Gallery',
      'Detail',
      'Lifestyle',
      'Swatch',
      '360 spin',
      'Video',
      'Manual / document',
      '3D model',
    ]);
    expect(idsIn(root, 'gallery')).toEqual([11, 12, 13]);
    expect(idsIn(root, 'detail')).toEqual([21]);
    const thumb = tilesOf(root, 'gallery')[0]?.querySelector('img');
    expect(thumb?.getAttribute('src')).toBe('test-media://thumb/hash-11');
  });

  it('links assets dropped on a slot with its role, at its end', async () => {
    const { root, transport } = await start();
    await dropAssets(slot(root, 'lifestyle'), [3, 4]);
    expect(transport.callsOf('links.add')).toEqual([
      { productId: 1, assetIds: [3, 4], role: 'lifestyle' },
    ]);
    expect(idsIn(root, 'lifestyle')).toEqual([3, 4]);
  });

  it('links assets dropped on a tile before it (left half) or after it (right half)', async () => {
    const { root, transport } = await start();
    // jsdom lays nothing out: every tile's box is at 0 with width 0, so x=0 is "left".
    await dropAssets(tilesOf(root, 'gallery')[1]!, [4], 0);
    await dropAssets(tilesOf(root, 'gallery')[0]!, [5], 1);
    expect(transport.callsOf('links.add')).toEqual([
      { productId: 1, assetIds: [4], role: 'gallery', position: 1 },
      { productId: 1, assetIds: [5], role: 'gallery', position: 1 },
    ]);
    expect(idsIn(root, 'gallery')).toEqual([11, 5, 4, 12, 13]);
  });

  it('makes an asset dropped on the main slot the main image', async () => {
    const { root, transport } = await start();
    await dropAssets(slot(root, 'main'), [2]);
    expect(transport.callsOf('links.setMain')).toEqual([{ productId: 1, assetId: 2 }]);
    expect(idsIn(root, 'main')).toEqual([2]);
  });

  it('reorders by dragging a tile, and moves one to another slot', async () => {
    const { root, transport } = await start();
    const [first, , last] = tilesOf(root, 'gallery');
    dragAndDrop(first!, last!, 1);
    await flush();
    expect(transport.callsOf('links.move')).toEqual([
      { productId: 1, assetId: 11, role: 'gallery', position: 2 },
    ]);
    expect(idsIn(root, 'gallery')).toEqual([12, 13, 11]);

    dragAndDrop(tilesOf(root, 'gallery')[0]!, slot(root, 'detail'));
    await flush();
    expect(transport.callsOf('links.move').at(-1)).toEqual({
      productId: 1,
      assetId: 12,
      role: 'detail',
      position: 1,
    });
    expect(idsIn(root, 'detail')).toEqual([21, 12]);
  });

  it('reorders from the keyboard with the move buttons, and undoes and redoes', async () => {
    const { root, transport } = await start();
    const later = tilesOf(root, 'gallery')[0]!.querySelector<HTMLButtonElement>(
      '[aria-label="Move later"]',
    );
    expect(
      tilesOf(root, 'gallery')[0]!.querySelector<HTMLButtonElement>('[aria-label="Move earlier"]')
        ?.disabled,
    ).toBe(true);
    act(() => later?.click());
    await flush();
    expect(transport.callsOf('links.move')).toEqual([
      { productId: 1, assetId: 11, role: 'gallery', position: 1 },
    ]);
    expect(idsIn(root, 'gallery')).toEqual([12, 11, 13]);

    const undo = byTestId(root, 'board-undo')[0] as HTMLButtonElement;
    const redo = byTestId(root, 'board-redo')[0] as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    act(() => undo.click());
    await flush();
    expect(transport.callsOf('edits.undo')).toHaveLength(1);
    expect(idsIn(root, 'gallery')).toEqual([11, 12, 13]);
    act(() => redo.click());
    await flush();
    expect(idsIn(root, 'gallery')).toEqual([12, 11, 13]);
  });

  it('sets main and removes links with the tile buttons', async () => {
    const { root, transport } = await start();
    act(() => byTestId(tilesOf(root, 'gallery')[1]!, 'link-make-main')[0]?.click());
    await flush();
    expect(transport.callsOf('links.setMain')).toEqual([{ productId: 1, assetId: 12 }]);
    expect(idsIn(root, 'main')).toEqual([12]);
    act(() => byTestId(tilesOf(root, 'detail')[0]!, 'link-remove')[0]?.click());
    await flush();
    expect(transport.callsOf('links.remove')).toEqual([{ productId: 1, assetIds: [21] }]);
    expect(idsIn(root, 'detail')).toEqual([]);
  });

  it('links what is dragged from the media strip, several at once', async () => {
    const transport = fakeEngine({ total: 4, catalogs: [makeCatalog(1)] });
    serveProducts(transport, [makeProduct(1)]);
    harness = await startUi(
      <>
        <ProductPage />
        <AssetStrip />
      </>,
      transport,
    );
    act(() => harness!.stores.products.getState().select(1));
    await flush();
    const root = harness.root;
    const strip = byTestId(root, 'strip-tile');
    expect(strip.map((t) => t.dataset.assetId)).toEqual(['1', '2', '3', '4']);
    expect(transport.callsOf('assets.list').at(-1)).toEqual({ limit: 200, filter: 'unlinked' });
    for (const tile of [strip[1], strip[3]]) act(() => tile?.querySelector('button')?.click());
    dragAndDrop(strip[3]!, slot(root, 'gallery'));
    await flush();
    expect(transport.callsOf('links.add')).toEqual([
      { productId: 1, assetIds: [2, 4], role: 'gallery' },
    ]);
  });
});

describe('files from the OS', () => {
  it('are not taken where the host cannot place them (browser)', async () => {
    const { root } = await start();
    const files = FakeDataTransfer.withFiles([new File(['x'], 'a.jpg')]);
    expect(fireDrag(slot(root, 'gallery'), 'dragover', files)).toBe(false);
    expect(byTestId(root, 'link-tile')[0]?.querySelector('.drag-out')).toBeNull();
  });

  it('ask for a catalog folder, remember it, and are copied and linked', async () => {
    localStorage.clear();
    const { root, transport } = await start((t) => {
      t.pathForFile = (file: File) => `/home/me/Desktop/${file.name}`;
      t.handle('links.dropFiles', () => ({
        changed: 1,
        step: 'drop',
        canUndo: true,
        canRedo: false,
        copied: 1,
        errors: [],
      }));
    });
    const files = FakeDataTransfer.withFiles([new File(['%PDF'], 'manual.pdf')]);
    expect(fireDrag(slot(root, 'document'), 'dragover', files)).toBe(true);
    fireDrag(slot(root, 'document'), 'drop', files);
    await flush();
    const dialog = root.querySelector<HTMLFormElement>('[role="dialog"]');
    expect(dialog?.textContent).toContain('Add 1 file as Manual / document');
    const select = dialog!.querySelector('select')!;
    const folder = dialog!.querySelector<HTMLInputElement>('input[type="text"]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, '2');
      select.dispatchEvent(new Event('change', { bubbles: true }));
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        folder,
        '/manuals/',
      );
      folder.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => dialog!.requestSubmit());
    await flush();
    expect(transport.callsOf('links.dropFiles')).toEqual([
      {
        productId: 1,
        role: 'document',
        paths: ['/home/me/Desktop/manual.pdf'],
        catalogId: 2,
        folder: 'manuals',
      },
    ]);
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(JSON.parse(localStorage.getItem('packshot.dropTarget') ?? 'null')).toEqual({
      catalogId: 2,
      folder: 'manuals',
    });
  });

  it('offers a handle to drag a linked file out where the host can', async () => {
    const dragged: number[] = [];
    const { root } = await start((t) => {
      t.startDrag = (assetId: number) => void dragged.push(assetId);
    });
    const handle = tilesOf(root, 'detail')[0]!.querySelector('.drag-out')!;
    const transfer = new FakeDataTransfer();
    expect(fireDrag(handle, 'dragstart', transfer)).toBe(true);
    expect(dragged).toEqual([21]);
    // The in-page drag did not start: nothing of ours was put on it.
    expect(transfer.types).toEqual([]);
  });
});
