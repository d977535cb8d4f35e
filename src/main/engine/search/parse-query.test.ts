import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../../shared/errors';
import { compileQuery } from '../repositories/compile-query';
import { parseQuery } from './parse-query';

function errorOf(query: string): string {
  try {
    parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(PackshotError);
    expect((error as PackshotError).code).toBe('invalid_argument');
    return (error as Error).message;
  }
  throw new Error(`${query} parsed`);
}

describe('parseQuery', () => {
  it('reads words, phrases, fields, comparisons and states, ANDed by default', () => {
    expect(parseQuery('red "side view" tag:Shoes width>=2000 missing')).toEqual({
      type: 'and',
      items: [
        { type: 'text', value: 'red', phrase: false },
        { type: 'text', value: 'side view', phrase: true },
        { type: 'field', field: 'tag', value: 'Shoes', column: 16 },
        { type: 'compare', field: 'width', op: '>=', value: 2000, column: 26 },
        { type: 'flag', name: 'missing', column: 38 },
      ],
    });
  });

  it('binds AND tighter than OR, and honours parentheses and NOT', () => {
    expect(parseQuery('a b OR c')).toEqual({
      type: 'or',
      items: [
        {
          type: 'and',
          items: [
            { type: 'text', value: 'a', phrase: false },
            { type: 'text', value: 'b', phrase: false },
          ],
        },
        { type: 'text', value: 'c', phrase: false },
      ],
    });
    expect(parseQuery('NOT (a OR b) -c')).toEqual({
      type: 'and',
      items: [
        {
          type: 'not',
          item: {
            type: 'or',
            items: [
              { type: 'text', value: 'a', phrase: false },
              { type: 'text', value: 'b', phrase: false },
            ],
          },
        },
        { type: 'not', item: { type: 'text', value: 'c', phrase: false } },
      ],
    });
  });

  it('takes field:"quoted values" and treats an empty query as none', () => {
    expect(parseQuery('camera:"EOS R5"')).toMatchObject({
      type: 'field',
      field: 'camera',
      value: 'EOS R5',
    });
    expect(parseQuery('   ')).toBeNull();
    // Only a quoted value says so: text:"…" is a phrase, text:word a prefix.
    expect(parseQuery('text:"quick start"')).toMatchObject({ quoted: true });
    expect(parseQuery('text:quick')).not.toHaveProperty('quoted');
  });

  it('reads durations in seconds, with units; other numbers stay plain', () => {
    const value = (q: string) => (parseQuery(q) as { value: number }).value;
    expect(value('duration>30')).toBe(30);
    expect(value('duration>30s')).toBe(30);
    expect(value('duration<=2m')).toBe(120);
    expect(value('DURATION>=1.5H')).toBe(5400);
    expect(value('duration<500ms')).toBe(0.5);
    expect(value('pages>10')).toBe(10);
    expect(errorOf('duration>2x')).toMatch(
      /^duration> needs seconds: 30, 30s, 2m or 1h \(at column 10\)/,
    );
    expect(errorOf('duration>')).toMatch(/^duration> needs seconds/);
    expect(errorOf('pages>2m')).toMatch(/^pages> needs a number/);
  });

  it('points at the mistake', () => {
    expect(errorOf('red (shoe')).toBe(
      "This '(' is never closed (at column 5)\n  red (shoe\n      ^",
    );
    expect(errorOf('red)')).toMatch(/^Unexpected '\)' \(at column 4\)/);
    expect(errorOf('width>=abc')).toMatch(/^width>= needs a number \(at column 8\)/);
    expect(errorOf('shoe OR')).toMatch(/^OR needs a term after it/);
    expect(errorOf('tag:')).toMatch(/^tag: needs a value/);
    expect(errorOf('"open')).toMatch(/^This quote is never closed \(at column 1\)/);
  });

  it('reads naming violations as a state word and as naming:bad / naming:ok', () => {
    expect(parseQuery('violation naming:ok')).toEqual({
      type: 'and',
      items: [
        { type: 'flag', name: 'violation', column: 0 },
        { type: 'field', field: 'naming', value: 'ok', column: 10 },
      ],
    });
    const compiled = (q: string) => {
      const node = parseQuery(q);
      if (!node) throw new Error('empty');
      return compileQuery(node, q).sql;
    };
    expect(compiled('violations')).toBe('a.violation IS NOT NULL');
    expect(compiled('naming:bad')).toBe('a.violation IS NOT NULL');
    expect(compiled('naming:OK')).toBe('a.violation IS NULL');
    expect(() => compiled('naming:maybe')).toThrow(/^naming: is bad or ok \(at column 1\)/);
  });
});
