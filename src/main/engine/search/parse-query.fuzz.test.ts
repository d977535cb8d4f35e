// Fuzzing the search language: any text either parses and compiles to SQL whose parameters
// match its placeholders, or is refused with the documented error (PackshotError
// 'invalid_argument' with a caret); a real index answers every query that compiles.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackshotError } from '../../../shared/errors';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { fuzzRuns } from '../../test-support/fuzz-runs';
import { compileQuery, type QuerySubject } from '../repositories/compile-query';
import { parseQuery } from './parse-query';

const PIECES = [
  '(',
  ')',
  '"',
  '-',
  ' ',
  '  ',
  'OR',
  'AND',
  'NOT',
  'or',
  ':',
  '%',
  '_',
  '\\',
  '\0',
  '*',
  "'",
  '|',
  '/',
  '..',
  'x',
  'red',
  '2026',
  '2026-05',
  'name:',
  'tag:',
  'sku:',
  'product:',
  'folder:',
  'camera:',
  'taken:',
  'flag:',
  'no:',
  'color:',
  'naming:',
  'label:',
  'format:',
  'kind:',
  'kind:video',
  'text:',
  'codec:',
  'audio:',
  'duration>',
  'pages>=',
  'triangles<',
  'fps=',
  '2m',
  '30s',
  'NEAR(',
  '^',
  'nope:',
  'width>=',
  'height<',
  'rating=',
  'size>',
  'versions<=',
  'missing',
  'dupes',
  'violation',
  '1e9',
  'NaN',
  '-1',
  'Infinity',
  'constructor',
  '__proto__',
  'toString',
  'format:constructor',
  'constructor>=1',
  'label:valueOf',
  '\u202e',
  '😀',
  '\ud800',
];

/** Text shaped like queries (fields, logic, quotes, wildcards) mixed with arbitrary text. */
const queryText = fc.oneof(
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), {
      maxLength: 30,
    })
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** The documented refusal: invalid_argument, pointing at a column. */
function isDocumented(error: unknown): boolean {
  return (
    error instanceof PackshotError &&
    error.code === 'invalid_argument' &&
    /\(at column \d+\)\n {2}.*\n {2} *\^$/s.test(error.message)
  );
}

const placeholders = (sql: string): number => (sql.match(/\?/g) ?? []).length;

describe('search language fuzzing', () => {
  it('parses or refuses with the caret error; compiled SQL has one parameter per placeholder', () => {
    fc.assert(
      fc.property(queryText, (query) => {
        let node;
        try {
          node = parseQuery(query);
        } catch (error) {
          expect(isDocumented(error), String(error)).toBe(true);
          return;
        }
        if (node === null) return;
        for (const subject of ['asset', 'link', 'product'] as QuerySubject[]) {
          try {
            const compiled = compileQuery(node, query, subject);
            expect(compiled.params).toHaveLength(placeholders(compiled.sql));
          } catch (error) {
            expect(isDocumented(error), String(error)).toBe(true);
          }
        }
      }),
      fuzzRuns(1500),
    );
  });

  describe('against a real index', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h.dispose();
    });

    it('answers every query assets.list and products.list take, or refuses it as documented', async () => {
      await fc.assert(
        fc.asyncProperty(queryText, async (query) => {
          for (const call of [
            () => h.call('assets.list', { query, limit: 5 }),
            () => h.call('products.list', { query, limit: 5 }),
          ]) {
            try {
              await call();
            } catch (error) {
              // Over the contract's length limit, or the parser's refusal.
              expect(error, String(error)).toBeInstanceOf(PackshotError);
              expect((error as PackshotError).code, String(error)).toBe('invalid_argument');
            }
          }
        }),
        fuzzRuns(150),
      );
    });
  });
});
