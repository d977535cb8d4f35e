// Fuzzing the CSV importer: any bytes decode, parse and expand into rows within the bounds,
// or are refused with the documented error (PackshotError 'invalid_argument'); any table
// written in UTF-8 or UTF-16 (with a mark, or Latin text without one) reads back as written;
// and a real import of any file stores only bounded products.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackshotError } from '../../../../shared/errors';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { fuzzRuns } from '../../../test-support/fuzz-runs';
import { detectDialect, suggestMap } from './csv-dialects';
import { boundItem, CSV_LIMITS } from './csv-limits';
import { expandRows } from './expand-rows';
import { readCsv } from './read-csv';

const CHARS = [',', ';', '\t', '"', '\n', ' ', 'a', 'Z', '1', '-', 'é', '€', '日', '😀', '\0', '|'];
const cell = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 });
const table = fc.record({
  width: fc.integer({ min: 1, max: 5 }),
  rows: fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
});

const quote = (c: string): string => `"${c.replaceAll('"', '""')}"`;
function write(headers: string[], rows: string[][], eol: string): string {
  return [headers, ...rows].map((r) => r.map(quote).join(',')).join(eol) + eol;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom';
function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16le-bom' ? le : le.swap16();
}

/** Bytes shaped like CSV files, text in any encoding, and plain noise. */
const csvBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc
    .tuple(
      fc.array(fc.oneof(cell, fc.constantFrom('sku', 'name', 'Handle', 'Variant SKU', 'Title')), {
        minLength: 1,
        maxLength: 40,
      }),
      fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'),
    )
    .map(([parts, encoding]) => encode(parts.join(''), encoding)),
  fc
    .string({ unit: fc.constantFrom('s', 'k', 'u', ',', '\n', 'x'), maxLength: 100 })
    .map((t) => Buffer.from(t, 'utf16le')),
);

function refusedAsDocumented(error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(PackshotError);
  expect((error as PackshotError).code).toBe('invalid_argument');
}

describe('CSV importer fuzzing', () => {
  it('turns any bytes into bounded rows, or refuses them as documented', () => {
    fc.assert(
      fc.property(csvBytes, (bytes) => {
        let parsed;
        try {
          parsed = readCsv(bytes);
        } catch (error) {
          refusedAsDocumented(error);
          return;
        }
        for (const h of parsed.headers) expect(h.length).toBeLessThanOrEqual(CSV_LIMITS.header);
        const dialect = detectDialect(parsed.headers);
        const map = suggestMap(parsed.headers, dialect);
        const { items } = expandRows(parsed.headers, parsed.rows, map, dialect);
        for (const item of items) {
          const bounded = boundItem(item, []);
          if (!bounded.ok) continue;
          expect(bounded.item.sku.length).toBeLessThanOrEqual(CSV_LIMITS.sku);
          expect((bounded.item.name ?? '').length).toBeLessThanOrEqual(CSV_LIMITS.name);
          for (const value of Object.values(bounded.item.attributes))
            expect(value.length).toBeLessThanOrEqual(CSV_LIMITS.attributeValue);
        }
      }),
      fuzzRuns(1000),
    );
  });

  it('reads back any table written in UTF-8 or UTF-16 with a mark, CRLF or LF', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'),
        fc.constantFrom('\n', '\r\n'),
        ({ width, rows }, encoding, eol) => {
          const headers = Array.from({ length: width }, (_, i) => `h${i}`);
          // A row whose cells are all blank is skipped on reading: give each a key.
          const body = rows.map((r, i) => [`k${i}`, ...r.slice(1, width)]);
          const read = readCsv(encode(write(headers, body, eol), encoding));
          expect(read.encoding).toBe(encoding);
          expect(read.headers).toEqual(headers);
          expect(read.rows.map((r) => r.cells)).toEqual(body);
        },
      ),
      fuzzRuns(500),
    );
  });

  it('detects Latin text in UTF-16 without a mark', () => {
    const latin = fc.string({
      unit: fc.constantFrom('a', 'B', '7', ' ', 'é', '-', ','),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.array(latin, { minLength: 1, maxLength: 6 }), fc.boolean(), (cells, be) => {
        const text = write(
          ['sku'],
          cells.map((c) => [`k${c}`]),
          '\n',
        );
        const le = Buffer.from(text, 'utf16le');
        const read = readCsv(be ? le.swap16() : le);
        expect(read.encoding).toBe(be ? 'utf-16be' : 'utf-16le');
        expect(read.rows.map((r) => r.cells[0])).toEqual(cells.map((c) => `k${c}`));
      }),
      fuzzRuns(300),
    );
  });

  describe('through a real import', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h.dispose();
    });

    it('imports any file as bounded products with per-row problems, or refuses it', async () => {
      await fc.assert(
        fc.asyncProperty(csvBytes, async (bytes) => {
          const base64 = Buffer.from(bytes).toString('base64');
          try {
            const report = await h.call('products.import', { base64 });
            for (const p of report.problems) expect(p.reason).not.toBe('');
          } catch (error) {
            refusedAsDocumented(error);
          }
        }),
        fuzzRuns(80),
      );
      // Everything stored can be read back and edited as it is (within the contract's bounds).
      const { items } = await h.call('products.list', { limit: 5000 });
      for (const p of items) {
        expect(p.sku.length).toBeLessThanOrEqual(CSV_LIMITS.sku);
        expect(p.name.length).toBeLessThanOrEqual(CSV_LIMITS.name);
      }
    });
  });
});
