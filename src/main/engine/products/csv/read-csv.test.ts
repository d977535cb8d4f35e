// CSV reading: encodings, separators and line numbers, on bytes as files hold them.
import { describe, expect, it } from 'vitest';
import { detectDialect, suggestMap } from './csv-dialects';
import { readCsv } from './read-csv';
import { sniffSeparator } from './sniff-separator';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Windows-1252 bytes for Latin text (code points below 256 map 1:1 except 0x80–0x9F). */
const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));

describe('reading product CSVs', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const table = readCsv(utf8('sku,name\nA-1,Crème brûlée\n'));
    expect(table).toMatchObject({ encoding: 'utf-8', separator: ',', headers: ['sku', 'name'] });
    expect(table.rows).toEqual([{ line: 2, cells: ['A-1', 'Crème brûlée'] }]);
  });

  it('drops a UTF-8 byte-order mark so the first header is clean', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('sku;name\nA-1;Ünïcode\n')]);
    const table = readCsv(bytes);
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.headers[0]).toBe('sku');
    expect(table.rows[0]?.cells).toEqual(['A-1', 'Ünïcode']);
  });

  it('falls back to Windows-1252 for Excel files with accents and the euro sign', () => {
    const table = readCsv(cp1252('sku;name;price\nB-2;Café crème;12 €\nB-3;Müsli;3\n'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['B-2', 'Café crème', '12 €'],
      ['B-3', 'Müsli', '3'],
    ]);
  });

  it('sniffs ; and tab separators from the header, ignoring separators inside quotes', () => {
    expect(readCsv(utf8('sku;name;color\nA;"Red, large";red\n')).separator).toBe(';');
    expect(readCsv(utf8('sku\tname\nA\tRed, large\n')).rows[0]?.cells).toEqual(['A', 'Red, large']);
    expect(sniffSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(sniffSeparator('single\n')).toBe(',');
  });

  it('keeps quoted newlines in a cell and numbers rows by the line they start on', () => {
    const text =
      'sku,description\r\nA,"first line\r\nsecond line"\r\n\r\nB,plain\r\nC,"x\ny\nz"\nD,last';
    const table = readCsv(utf8(text));
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [5, 'B'],
      [6, 'C'],
      [9, 'D'],
    ]);
    expect(table.rows[0]?.cells[1]).toBe('first line\nsecond line');
  });

  it('refuses an unclosed quote with a clear message', () => {
    expect(() => readCsv(utf8('sku,name\nA,"never closed\nB,x\n'))).toThrow(/cannot be read/);
  });

  it('recognises Shopify and Akeneo exports and suggests a mapping', () => {
    const shopify = [
      'Handle',
      'Title',
      'Body (HTML)',
      'Vendor',
      'Type',
      'Tags',
      'Option1 Name',
      'Option1 Value',
      'Variant SKU',
      'Variant Price',
      'Image Src',
    ];
    expect(detectDialect(shopify)).toBe('shopify');
    expect(suggestMap(shopify, 'shopify')).toEqual({
      sku: 'Variant SKU',
      name: 'Title',
      parent: 'Handle',
      channels: null,
      productType: 'Type',
      attributes: ['Vendor', 'Tags', 'Variant Price'],
    });
    const akeneo = [
      'sku',
      'categories',
      'enabled',
      'family',
      'groups',
      'parent',
      'name-en_US',
      'color',
    ];
    expect(detectDialect(akeneo)).toBe('akeneo');
    expect(suggestMap(akeneo, 'akeneo')).toMatchObject({
      sku: 'sku',
      name: 'name-en_US',
      parent: 'parent',
      productType: 'family',
      attributes: ['categories', 'enabled', 'groups', 'color'],
    });
    expect(detectDialect(['Article', 'Title', 'Channels'])).toBe('generic');
    expect(suggestMap(['Article', 'Title', 'Channels'], 'generic')).toMatchObject({
      sku: 'Article',
      name: 'Title',
      channels: 'Channels',
      attributes: [],
    });
  });
});
