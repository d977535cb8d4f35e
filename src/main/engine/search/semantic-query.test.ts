// The search language's terms by meaning and look: how ~"…" and like: parse and compile.
import { describe, expect, it } from 'vitest';
import { compileQuery } from '../repositories/compile-query';
import { parseQuery } from './parse-query';

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('~ and like:', () => {
  it('reads ~"a description" and ~word as a search by meaning; a ~ inside a word stays a word', () => {
    expect(parseQuery('~"red  running shoe" rating>=3')).toEqual({
      type: 'and',
      items: [
        { type: 'semantic', value: 'red running shoe', column: 0 },
        { type: 'compare', field: 'rating', op: '>=', value: 3, column: 21 },
      ],
    });
    expect(parseQuery('-~shoe')).toEqual({
      type: 'not',
      item: { type: 'semantic', value: 'shoe', column: 1 },
    });
    expect(parseQuery('draft~2')).toEqual({ type: 'text', value: 'draft~2', phrase: false });
  });

  it('points at a ~ with nothing to search for', () => {
    expect(messageOf(() => parseQuery('shoe ~'))).toMatch(
      /^~ needs a description right after it, like ~"red shoe on rocks" \(at column 6\)/,
    );
    expect(messageOf(() => parseQuery('~ "red"'))).toMatch(/at column 1/);
    expect(messageOf(() => parseQuery('~""'))).toMatch(/~ needs a description/);
  });

  it('compiles to the ranked set, and ranks the list by the terms not under NOT', () => {
    const q = '(~"red shoe" OR like:12) -~blue';
    const compiled = compileQuery(parseQuery(q) as never, q);
    expect(compiled.params).toEqual(['text', 'red shoe', 'like', '12', 'text', 'blue']);
    expect(compiled.sql.match(/ai_similar\(\?, \?\)/g)).toHaveLength(3);
    expect(compiled.rank).toEqual({
      sql: expect.stringMatching(
        /^max\(coalesce\(ai_similarity\(\?, \?, a\.id\), -2\), coalesce/,
      ) as unknown,
      params: ['text', 'red shoe', 'like', '12'],
    });
    expect(compileQuery(parseQuery('rating>=3') as never, 'rating>=3').rank).toBeUndefined();
    // A product alone has no image to compare: the term is unknown there, and nothing ranks.
    const product = compileQuery(parseQuery('~red') as never, '~red', 'product');
    expect({ sql: product.sql, params: product.params, rank: product.rank }).toEqual({
      sql: 'NULL',
      params: [],
      rank: undefined,
    });
  });

  it('like: wants an asset id', () => {
    expect(messageOf(() => compileQuery(parseQuery('like:shoe') as never, 'like:shoe'))).toMatch(
      /^like: wants an asset's id, like:123 \(the images that look like asset 123\) \(at column 1\)/,
    );
  });
});
