// @vitest-environment jsdom
// The Products side of the app, mounted whole (App) on real stores and a fake engine: the
// header switch, the list, creating a product, linking from the Library grid, readiness.
import { PackshotError } from '../../../../shared/errors';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotReadyReport } from '../../../../shared/product-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { dragAndDrop } from '../../test-support/drag';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeCatalog, type FakeTransport } from '../../test-support/fake-transport';
import { makeProduct, serveProducts } from '../../test-support/fake-products';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { App } from '../App';

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

const PRODUCTS = [
  makeProduct(1, {
    sku: 'SHOE-1',
    name: 'Red sneaker',
    attributes: { color: 'red' },
    channels: ['shopify'],
  }),
  makeProduct(2, { sku: 'BAG-2', name: 'Tote', channels: ['amazon', 'shopify'] }),
  makeProduct(3, { sku: 'HAT-3', name: 'Sun hat' }),
];

async function start(configure: (t: FakeTransport) => void = () => undefined) {
  const transport = fakeEngine({ total: 6, catalogs: [makeCatalog(1, { assetCount: 6 })] });
  serveProducts(transport, [...PRODUCTS]);
  configure(transport);
  harness = await startUi(<App />, transport);
  return { transport, root: harness.root, stores: harness.stores };
}

async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => element.click());
  await flush();
}

function type(input: HTMLElement, value: string): void {
  const proto = Object.getPrototypeOf(input) as object;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const skus = (root: HTMLElement) => byTestId(root, 'product-row').map((r) => r.dataset.sku);

describe('the header', () => {
  it('switches between the Library and Products', async () => {
    const { root } = await start();
    expect(oneByTestId(root, 'section-library').getAttribute('aria-current')).toBe('page');
    expect(byTestId(root, 'grid')).toHaveLength(1);
    await click(oneByTestId(root, 'section-products'));
    expect(oneByTestId(root, 'section-products').getAttribute('aria-current')).toBe('page');
    expect(byTestId(root, 'grid')).toHaveLength(0);
    expect(byTestId(root, 'products-view')).toHaveLength(1);
    await click(oneByTestId(root, 'section-library'));
    expect(byTestId(root, 'grid')).toHaveLength(1);
  });
});

describe('products view', () => {
  it('lists products with their attributes, and searches them', async () => {
    const { root, transport } = await start();
    await click(oneByTestId(root, 'section-products'));
    expect(skus(root)).toEqual(['SHOE-1', 'BAG-2', 'HAT-3']);
    expect(byTestId(root, 'product-row')[0]?.textContent).toContain('color: red');
    type(oneByTestId(root, 'product-search'), 'red');
    await flush();
    expect(transport.callsOf('products.list').at(-1)).toEqual({ query: 'red', limit: 1000 });
    expect(skus(root)).toEqual(['SHOE-1']);
  });

  it('shows a query the engine refuses under the search box, with its caret, not as a notice', async () => {
    const { root } = await start((t) =>
      t.handle('products.list', () => {
        throw new PackshotError('invalid_argument', 'Expected a value after sku:\nsku:\n    ^');
      }),
    );
    await click(oneByTestId(root, 'section-products'));
    type(oneByTestId(root, 'product-search'), 'sku:');
    await flush();
    expect(oneByTestId(root, 'product-search-error').textContent).toContain('Expected a value');
    expect(oneByTestId(root, 'product-search-error-caret').textContent).toContain('    ^');
    expect(byTestId(root, 'notice')).toHaveLength(0);
  });

  it('creates a product by hand and opens it', async () => {
    const { root, transport } = await start((t) =>
      t.handle('products.create', (args) => {
        const made = makeProduct(4, { sku: args.sku, name: args.name ?? '' });
        // The fake list stays as it was; the new product is read back by id.
        t.handle('products.get', () => ({ ...made, links: [], variants: [] }));
        return made;
      }),
    );
    await click(oneByTestId(root, 'section-products'));
    await click(oneByTestId(root, 'product-new'));
    type(oneByTestId(root, 'product-form-sku'), ' BOOT-4 ');
    type(oneByTestId(root, 'product-form-name'), 'Winter boot');
    type(oneByTestId(root, 'product-form-parentSku'), 'SHOE-1');
    type(oneByTestId(root, 'product-form-channels'), 'shopify, amazon');
    type(oneByTestId(root, 'product-form-attributes'), 'color: black\n\nsize: 44');
    act(() => oneByTestId(root, 'product-form-save').closest('form')!.requestSubmit());
    await flush();
    expect(transport.callsOf('products.create')).toEqual([
      {
        sku: 'BOOT-4',
        name: 'Winter boot',
        parentSku: 'SHOE-1',
        productType: null,
        channels: ['shopify', 'amazon'],
        attributes: { color: 'black', size: '44' },
      },
    ]);
    expect(oneByTestId(root, 'product-page-sku').textContent).toBe('BOOT-4');
  });

  it('shows readiness per channel on the product page', async () => {
    const { root } = await start((t) =>
      t.handle('products.readiness', ({ id }) => [
        {
          productId: id,
          sku: 'SHOE-1',
          name: 'Red sneaker',
          channel: 'shopify',
          score: 50,
          reasons: [{ code: 'no_main', message: 'No main image' }],
        },
      ]),
    );
    await click(oneByTestId(root, 'section-products'));
    await click(byTestId(root, 'product-row')[0]);
    const readiness = oneByTestId(root, 'product-readiness');
    expect(readiness.textContent).toBe('shopify50%No main image');
  });
});

describe('linking from the Library', () => {
  it('drops a grid cell on a product in the drop panel', async () => {
    const { root, transport } = await start();
    await click(oneByTestId(root, 'product-drop-toggle'));
    expect(skus(root)).toEqual(['SHOE-1', 'BAG-2', 'HAT-3']);
    const cells = byTestId(root, 'grid-cell');
    // Selected and dragged: the selection goes.
    await click(cells[2]);
    const transfer = dragAndDrop(cells[2]!, byTestId(root, 'product-row')[1]!);
    await flush();
    expect(transfer.getData('text/plain')).toBe('img-000002.jpg');
    expect(transport.callsOf('links.add')).toEqual([
      { productId: 2, assetIds: [3], role: 'gallery' },
    ]);
    expect(byTestId(root, 'product-link-count').map((c) => c.textContent)).toEqual(['0', '1', '0']);
  });
});

describe('not ready', () => {
  const report: NotReadyReport = {
    blockers: [
      { code: 'no_main', message: 'No main image', products: 2 },
      { code: 'few_gallery', message: 'Fewer than 3 gallery images', products: 1 },
    ],
    items: [
      {
        productId: 1,
        sku: 'SHOE-1',
        name: 'Red sneaker',
        channel: 'shopify',
        score: 40,
        reasons: [{ code: 'no_main', message: 'No main image' }],
      },
      {
        productId: 3,
        sku: 'HAT-3',
        name: 'Sun hat',
        channel: 'shopify',
        score: 20,
        reasons: [
          { code: 'no_main', message: 'No main image' },
          { code: 'few_gallery', message: 'Fewer than 3 gallery images' },
        ],
      },
    ],
  };

  it('ranks blockers per channel and narrows the list to the products one holds back', async () => {
    const { root, transport } = await start((t) => t.handle('products.notReady', () => report));
    await click(oneByTestId(root, 'section-products'));
    await click(oneByTestId(root, 'products-page-not-ready'));
    expect(transport.callsOf('products.notReady')).toEqual([{}]);
    const channel = oneByTestId(root, 'not-ready-channel') as HTMLSelectElement;
    expect([...channel.options].map((o) => o.value)).toEqual(['', 'amazon', 'shopify']);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(
        channel,
        'shopify',
      );
      channel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(transport.callsOf('products.notReady').at(-1)).toEqual({ channel: 'shopify' });
    expect(byTestId(root, 'blocker').map((b) => b.textContent)).toEqual([
      'No main image2',
      'Fewer than 3 gallery images1',
    ]);
    expect(byTestId(root, 'not-ready-row')).toHaveLength(2);

    await click(byTestId(root, 'blocker')[1]);
    expect(oneByTestId(root, 'products-page-catalog').getAttribute('aria-pressed')).toBe('true');
    expect(oneByTestId(root, 'product-focus').textContent).toContain(
      'Fewer than 3 gallery images (1)',
    );
    expect(skus(root)).toEqual(['HAT-3']);
    await click(oneByTestId(root, 'product-focus').querySelector('button'));
    expect(skus(root)).toEqual(['SHOE-1', 'BAG-2', 'HAT-3']);
  });
});
