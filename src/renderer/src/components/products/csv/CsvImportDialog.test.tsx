// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvPreview } from '../../../../../shared/product-dto';
import { PackshotError } from '../../../../../shared/errors';
import { startUi, type Harness } from '../../../test-support/app-harness';
import { fakeEngine } from '../../../test-support/fake-engine';
import { byTestId, flush, oneByTestId } from '../../../test-support/render';
import { CsvImportDialog } from './CsvImportDialog';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const CSV = 'Variant SKU;Title;Colour;Size;Notes\nSHOE-1;Red sneaker;red;42;x\n';

const preview: CsvPreview = {
  encoding: 'windows-1252',
  separator: ';',
  dialect: 'shopify',
  headers: ['Variant SKU', 'Title', 'Colour', 'Size', 'Notes'],
  rows: [['SHOE-1', 'Red sneaker', 'red', '42', 'x']],
  rowCount: 1,
  suggested: { sku: 'Variant SKU', name: 'Title', attributes: ['Colour'] },
};

const UPLOAD = '0b4f6a52-7c1e-4d1a-9a5e-2f0d3c8b9e11';

async function start(importFails = false) {
  const chunks: string[] = [];
  const transport = fakeEngine()
    // Small chunks, so a short file goes as several, as a 50 MB one does.
    .handle('uploads.begin', () => ({ uploadId: UPLOAD, chunkBytes: 16 }))
    .handle('uploads.append', ({ base64 }) => {
      chunks.push(base64);
      return { received: chunks.map((c) => atob(c)).join('').length };
    })
    .handle('uploads.commit', () => ({ bytes: chunks.map((c) => atob(c)).join('').length }))
    .handle('uploads.discard', () => ({ removed: true }))
    .handle('products.importPreview', () => preview)
    .handle('products.import', () => {
      if (importFails) throw new PackshotError('invalid_argument', 'No column "Nope"');
      return {
        created: 1,
        updated: 2,
        unchanged: 3,
        problems: [{ line: 7, sku: null, reason: 'no SKU' }],
      };
    });
  let closed = false;
  harness = await startUi(<CsvImportDialog onClose={() => (closed = true)} />, transport);
  return {
    transport,
    root: harness.root,
    closed: () => closed,
    sent: () => chunks.map((c) => atob(c)).join(''),
  };
}

async function chooseFile(root: HTMLElement, text: string): Promise<void> {
  const input = oneByTestId(root, 'csv-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'products.csv')] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // FileReader reports on its own task.
  for (let i = 0; i < 40 && byTestId(root, 'csv-facts').length === 0; i++) await flush();
}

function choose(select: HTMLElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('CSV import', () => {
  it('previews the file, maps from the guess, imports with the chosen map, reports', async () => {
    const { root, transport, sent } = await start();
    await chooseFile(root, CSV);
    expect(transport.callsOf('uploads.begin')).toEqual([{ bytes: CSV.length }]);
    expect(
      transport.callsOf('uploads.append').map((a) => (a as { offset: number }).offset),
    ).toEqual([0, 16, 32, 48]);
    expect(sent()).toBe(CSV);
    expect(transport.callsOf('products.importPreview')).toEqual([{ uploadId: UPLOAD }]);
    expect(oneByTestId(root, 'csv-facts').textContent).toBe(
      'Shopify product export · windows-1252 · semicolon separated · 1 row',
    );
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).toEqual(preview.headers);
    expect(root.querySelector('tbody td')?.textContent).toBe('SHOE-1');

    // Starts from the guess.
    expect((oneByTestId(root, 'csv-map-sku') as HTMLSelectElement).value).toBe('Variant SKU');
    expect((oneByTestId(root, 'csv-map-name') as HTMLSelectElement).value).toBe('Title');
    const attributes = () =>
      (byTestId(root, 'csv-attribute') as HTMLInputElement[]).map((c) => [c.value, c.checked]);
    expect(attributes()).toEqual([
      ['Colour', true],
      ['Size', false],
      ['Notes', false],
    ]);

    // The user's changes: Notes becomes the product type, Size an attribute.
    choose(oneByTestId(root, 'csv-map-productType'), 'Notes');
    act(() =>
      root.querySelector<HTMLInputElement>('[data-testid="csv-attribute"][value="Size"]')?.click(),
    );
    expect(attributes()).toEqual([
      ['Colour', true],
      ['Size', true],
    ]);
    act(() => oneByTestId(root, 'csv-import').click());
    await flush();

    expect(transport.callsOf('products.import')).toEqual([
      {
        uploadId: UPLOAD,
        map: {
          sku: 'Variant SKU',
          name: 'Title',
          parent: null,
          channels: null,
          productType: 'Notes',
          attributes: ['Colour', 'Size'],
        },
      },
    ]);
    // The engine's copy is freed once imported.
    expect(transport.callsOf('uploads.discard')).toEqual([{ uploadId: UPLOAD }]);
    expect(oneByTestId(root, 'csv-created').textContent).toBe('1');
    expect(oneByTestId(root, 'csv-updated').textContent).toBe('2');
    expect(oneByTestId(root, 'csv-unchanged').textContent).toBe('3');
    expect(byTestId(root, 'csv-problem').map((p) => p.textContent)).toEqual(['Line 7: no SKU']);
  });

  it('will not import without a SKU column', async () => {
    const { root, transport } = await start();
    await chooseFile(root, CSV);
    choose(oneByTestId(root, 'csv-map-sku'), '');
    expect((oneByTestId(root, 'csv-import') as HTMLButtonElement).disabled).toBe(true);
    expect(transport.callsOf('products.import')).toEqual([]);
  });

  it("shows the engine's refusal and stays on the mapping", async () => {
    const { root } = await start(true);
    await chooseFile(root, CSV);
    act(() => oneByTestId(root, 'csv-import').click());
    await flush();
    expect(oneByTestId(root, 'csv-error').textContent).toBe('No column "Nope"');
    expect(byTestId(root, 'csv-map-sku')).toHaveLength(1);
  });

  it('closes on Escape', async () => {
    const { root, closed } = await start();
    act(() => {
      oneByTestId(root, 'csv-dialog').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(closed()).toBe(true);
  });
});
