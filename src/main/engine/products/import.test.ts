// Product CSV import through the engine: real files, a real SQLite database.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';

const fixtures = fileURLToPath(new URL('../../test-support/product-csv/', import.meta.url));
let h: Harness;
let dir: string;

beforeEach(async () => {
  h = await startHarness();
  dir = await tempDir('csv');
});

afterEach(async () => {
  await h.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function csv(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function bySku(sku: string) {
  const found = (await h.call('products.list', { query: sku })).items.find((p) => p.sku === sku);
  if (!found) throw new Error(`no product ${sku}`);
  return found;
}

describe('importing products from CSV', () => {
  it('imports a Shopify export as it comes: handles are products, variant SKUs their variants', async () => {
    const path = join(fixtures, 'shopify-products.csv');
    const preview = await h.call('products.importPreview', { path });
    expect(preview).toMatchObject({
      dialect: 'shopify',
      separator: ',',
      encoding: 'utf-8',
      rowCount: 6,
    });
    expect(preview.rows[0]?.[0]).toBe('classic-tee');

    const report = await h.call('products.import', { path });
    // Image-only rows (a Handle and an Image Src) are part of the export, not problems.
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ created: 6, updated: 0, unchanged: 0 });

    const tee = await bySku('classic-tee');
    expect(tee).toMatchObject({
      name: 'Classic Tee',
      parentId: null,
      productType: 'T-Shirts',
      variantCount: 3,
      attributes: { Vendor: 'Acme Apparel', Tags: 'cotton, summer' },
    });
    const large = await bySku('TEE-L-BLK');
    expect(large).toMatchObject({
      name: 'Classic Tee / L / Black',
      parentSku: 'classic-tee',
      attributes: {
        Size: 'L',
        Color: 'Black',
        'Variant Price': '21.00',
        'Variant Barcode': '8712345000035',
      },
    });
    expect((await bySku('TEE-S-WHT')).attributes).toMatchObject({
      'Variant Price': '19.00',
      Size: 'S',
    });
    expect(await bySku('TOTE-01')).toMatchObject({ name: 'Canvas Tote', parentSku: 'canvas-tote' });
    expect((await h.call('products.list', {})).total).toBe(6);
  });

  it('imports an Akeneo export as it comes and reports each bad row with its line, going on', async () => {
    const path = join(fixtures, 'akeneo-products.csv');
    const report = await h.call('products.import', { path });
    expect(report.created).toBe(4);
    expect(report.problems).toEqual([
      { line: 2, sku: '1111111171', reason: "unknown parent 'jacket-model': imported without it" },
      { line: 4, sku: '1111111172', reason: "unknown parent 'jacket-model': imported without it" },
      { line: 6, sku: null, reason: 'no SKU' },
      { line: 7, sku: '1111111173', reason: "unknown parent 'tshirt-model': imported without it" },
      { line: 8, sku: 'KETTLE-2000', reason: 'SKU twice in the file (first on line 5)' },
    ]);
    const kettle = await bySku('KETTLE-2000');
    expect(kettle).toMatchObject({
      name: 'Electric kettle 1.7 l',
      productType: 'appliance',
      attributes: { color: 'silver', enabled: '1', categories: 'kitchen', weight: '1200' },
    });
    expect((await bySku('1111111171')).attributes['description-en_US-ecommerce']).toBe(
      'Warm bomber jacket\nwith quilted lining',
    );

    // The product models' export, then the products again: parents link, nothing doubles.
    const models = await h.call('products.import', {
      path: join(fixtures, 'akeneo-product-models.csv'),
    });
    expect(models).toMatchObject({ created: 1, problems: [] });
    const again = await h.call('products.import', { path });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(2);
    expect(again.unchanged).toBe(2);
    expect(again.problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect((await bySku('1111111172')).parentSku).toBe('jacket-model');
    expect((await bySku('jacket-model')).variantCount).toBe(2);
    expect((await h.call('products.list', {})).total).toBe(5);
  });

  it('re-import updates by SKU and keeps what the file leaves empty', async () => {
    const made = await h.call('products.create', {
      sku: 'A-1',
      name: 'Hand made',
      attributes: { note: 'kept' },
      channels: ['amazon'],
    });
    const path = await csv(
      'update.csv',
      'SKU;Name;Color;Channels\na-1;;red;\nB-2;Bee;blue;shopify|ebay\n',
    );
    const report = await h.call('products.import', { path });
    expect(report).toMatchObject({ created: 1, updated: 1, problems: [] });
    const a = await h.call('products.get', { id: made.id });
    expect(a).toMatchObject({
      sku: 'A-1',
      name: 'Hand made',
      channels: ['amazon'],
      attributes: { note: 'kept', Color: 'red' },
    });
    expect((await bySku('B-2')).channels).toEqual(['shopify', 'ebay']);
    expect(await h.call('products.import', { path })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('follows a column mapping, tab separators and Windows-1252 bytes', async () => {
    const bytes = Uint8Array.from(
      [
        ...'Art.\tBezeichnung\tFarbe\tEltern\nX1\tCafé-Tasse\twei\u00df\t\nX2\tTasse grün\tgrün\tX1\n',
      ].map((c) => c.charCodeAt(0)),
    );
    const base64 = Buffer.from(bytes).toString('base64');
    const preview = await h.call('products.importPreview', { base64 });
    expect(preview).toMatchObject({
      encoding: 'windows-1252',
      separator: '\t',
      dialect: 'generic',
    });
    const report = await h.call('products.import', {
      base64,
      map: { sku: 'Art.', name: 'Bezeichnung', parent: 'Eltern', attributes: ['Farbe'] },
    });
    expect(report).toMatchObject({ created: 2, problems: [] });
    expect(await bySku('X2')).toMatchObject({
      name: 'Tasse grün',
      parentSku: 'X1',
      attributes: { Farbe: 'grün' },
    });
    expect((await bySku('X1')).name).toBe('Café-Tasse');
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const path = await csv('plain.csv', 'sku,name\nA,B\n');
    await expect(h.call('products.import', { path, map: { sku: 'SKU number' } })).rejects.toThrow(
      /no column 'SKU number'/,
    );
    await expect(h.call('products.importPreview', { path: join(dir, 'none.csv') })).rejects.toThrow(
      /No file/,
    );
    await expect(h.call('products.importPreview', { path: '/etc/passwd' })).rejects.toThrow(
      /not a \.csv/,
    );
  });

  it('reports parent cycles and self-parents per row', async () => {
    const path = await csv('cycle.csv', 'sku,parent\nA,B\nB,A\nC,C\n');
    const report = await h.call('products.import', { path });
    expect(report.created).toBe(2);
    expect(report.problems).toEqual([
      { line: 3, sku: 'B', reason: "parent 'A': A product cannot be a variant of itself" },
      { line: 4, sku: 'C', reason: 'a product cannot be its own parent' },
    ]);
    expect((await bySku('A')).parentSku).toBe('B');
  });
});
