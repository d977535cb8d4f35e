// The compiler's subjects: a file, a product beside one of its files, a product alone.
import { describe, expect, it } from 'vitest';
import { compileQuery, type QuerySubject } from './compile-query';
import { parseQuery } from '../search/parse-query';

function compiled(query: string, subject: QuerySubject) {
  const node = parseQuery(query);
  if (!node) throw new Error('empty');
  return compileQuery(node, query, subject);
}

describe('compileQuery subjects', () => {
  it('tests the product itself for sku: and product: once a product is the subject', () => {
    expect(compiled('sku:AB', 'asset').sql).toMatch(/EXISTS \(SELECT 1 FROM product_links/);
    expect(compiled('sku:AB', 'link')).toMatchObject({
      sql: "lower(p.sku) LIKE ? ESCAPE '\\'",
      params: ['ab%'],
    });
    expect(compiled('product:AB', 'product').params).toEqual(['%ab%', '%ab%']);
    expect(compiled('no:product', 'link').sql).toBe('0');
  });

  it('leaves file terms unknown (NULL, no parameters) for a product alone', () => {
    const q = compiled('tag:Shoes rating>=4 missing NOT format:png sku:A', 'product');
    expect(q.sql).toBe("(NULL AND NULL AND NULL AND NOT NULL AND lower(p.sku) LIKE ? ESCAPE '\\')");
    expect(q.params).toEqual(['a%']);
  });

  it('matches a free word in the file or the product beside it, parameters in order', () => {
    const q = compiled('red', 'link');
    // The file's own text, a document's or what the AI found, its tags; then the product.
    expect(q.params).toEqual(['"red"*', '"red"*', '"red"*', '"red"*', '%red%', '%red%', '%red%']);
    expect(q.sql.indexOf('assets_fts')).toBeLessThan(q.sql.indexOf('p.sku'));
    // Free words reach a product's attribute values too ("crimson" finds its colour).
    expect(compiled('red', 'product').params).toEqual(['%red%', '%red%', '%red%']);
    expect(compiled('red', 'product').sql).toMatch(/json_each\(p\.attributes\)/);
  });

  it('refuses the same mistakes whatever the subject', () => {
    for (const subject of ['asset', 'link', 'product'] as const) {
      expect(() => compiled('taken:may', subject)).toThrow(/^taken: wants a date/);
      expect(() => compiled('depth>3', subject)).toThrow(/^Unknown number field 'depth'/);
      expect(() => compiled('nope:1', subject)).toThrow(/^Unknown field 'nope:'/);
      expect(() => compiled('no:tags', subject)).toThrow(/^no: knows 'product'/);
    }
  });
});
