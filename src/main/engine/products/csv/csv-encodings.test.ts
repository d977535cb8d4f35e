// CSV bytes as other tools write them (UTF-16 from Excel's "Unicode text", with and without a
// byte-order mark), and cells no real catalogue holds: bounded, each with its row's message.
import { describe, expect, it } from 'vitest';
import { decodeCsv, utf16Order } from './decode-csv';
import { readCsv } from './read-csv';
import { CSV_LIMITS } from './csv-limits';
import { startHarness } from '../../../test-support/engine-harness';

const TEXT = 'sku;name\nÄ-1;Crème brûlée €\nB-2;日本の茶碗\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

describe('CSV encodings', () => {
  it.each([
    ['le', true, 'utf-16le-bom'],
    ['le', false, 'utf-16le'],
    ['be', true, 'utf-16be-bom'],
    ['be', false, 'utf-16be'],
  ] as const)('reads UTF-16 %s (mark: %s) with no NUL left in a cell', (order, bom, encoding) => {
    const table = readCsv(utf16(TEXT, order, bom));
    expect(table.encoding).toBe(encoding);
    expect(table.headers).toEqual(['sku', 'name']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Ä-1', 'Crème brûlée €'],
      ['B-2', '日本の茶碗'],
    ]);
  });

  it('reads UTF-8 with and without a mark, and Windows-1252 otherwise', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeCsv(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).encoding).toBe('utf-8-bom');
    expect(decodeCsv(new Uint8Array([0x41, 0x80, 0x0d, 0x0a, 0x93]))).toEqual({
      text: 'A€\n“',
      encoding: 'windows-1252',
    });
  });

  it('takes UTF-16 without a mark only when the NULs say so unmistakably', () => {
    // A stray NUL or two in a UTF-8 file is not UTF-16.
    const stray = new TextEncoder().encode('sku,name\nA\0,x\nB,y\0\n');
    expect(utf16Order(stray)).toBeNull();
    expect(decodeCsv(stray).encoding).toBe('utf-8');
    // Text with no Latin letters has no NUL pattern to go by: the mark is needed.
    expect(utf16Order(utf16('日本語;茶碗\n', 'le', false))).toBeNull();
    // An odd byte count is not UTF-16.
    expect(utf16Order(new Uint8Array([0x41, 0, 0x42, 0, 0x43]))).toBeNull();
  });
});

describe('CSV bounds', () => {
  it('skips rows whose SKU, name or type is over its limit, and drops an over-long attribute', async () => {
    const h = await startHarness();
    try {
      const huge = 'x'.repeat(2_000_000);
      const lines = [
        'sku,name,type,notes',
        `OK-1,Mug,cup,fine`,
        `${'S'.repeat(CSV_LIMITS.sku + 1)},Mug,,`,
        `N-1,"${huge}",,`,
        `T-1,Mug,${'t'.repeat(CSV_LIMITS.productType + 1)},`,
        `A-1,Plate,,${'n'.repeat(CSV_LIMITS.attributeValue + 1)}`,
      ];
      const bytes = Buffer.from(lines.join('\n'));
      const { uploadId } = await h.call('uploads.begin', { bytes: bytes.length });
      for (let at = 0; at < bytes.length; at += 512 * 1024)
        await h.call('uploads.append', {
          uploadId,
          offset: at,
          base64: bytes.subarray(at, at + 512 * 1024).toString('base64'),
        });
      await h.call('uploads.commit', { uploadId });
      const preview = await h.call('products.importPreview', { uploadId });
      // The preview shows a glimpse of a huge cell, not the cell.
      expect(preview.rows[2]?.[1]).toHaveLength(CSV_LIMITS.previewCell + 1);
      const report = await h.call('products.import', {
        uploadId,
        map: { sku: 'sku', name: 'name', productType: 'type', attributes: ['notes'] },
      });
      expect(report.created).toBe(2);
      expect(report.problems).toEqual([
        {
          line: 3,
          sku: 'S'.repeat(40),
          reason: 'SKU is 201 characters long, over the 200 allowed: row skipped',
        },
        {
          line: 4,
          sku: 'N-1',
          reason: 'name is 2,000,000 characters long, over the 1,000 allowed: row skipped',
        },
        {
          line: 5,
          sku: 'T-1',
          reason: 'product type is 201 characters long, over the 200 allowed: row skipped',
        },
        {
          line: 6,
          sku: 'A-1',
          reason: "'notes' is 10,001 characters long, over the 10,000 allowed: imported without it",
        },
      ]);
      const a1 = (await h.call('products.list', { query: 'A-1' })).items[0];
      expect(a1).toMatchObject({ sku: 'A-1', name: 'Plate', attributes: {} });
    } finally {
      await h.dispose();
    }
  });

  it('skips a row whose SKU holds a control character, naming it', async () => {
    const h = await startHarness();
    try {
      const base64 = Buffer.from('sku,name\nA\u0000B,x\nC-1,y\n').toString('base64');
      const report = await h.call('products.import', { base64 });
      expect(report).toMatchObject({ created: 1 });
      expect(report.problems).toEqual([
        {
          line: 2,
          sku: 'A\u0000B',
          reason:
            "SKU holds a control character (U+0000) at position 2: row skipped (is the file's encoding right?)",
        },
      ]);
    } finally {
      await h.dispose();
    }
  });

  it('refuses a header cell no column name is that long', () => {
    const bytes = new TextEncoder().encode(`sku,${'h'.repeat(CSV_LIMITS.header + 1)}\nA,1\n`);
    expect(() => readCsv(bytes)).toThrow(/column 2 of 501 characters, over the 500/);
  });
});
