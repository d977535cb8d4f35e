// SKUs read in an image become link suggestions: whole words only, any case, O/0 and I/1
// forgiven only when one product answers; linked, rejected and already suggested products
// are left alone; hostile SKUs and text are only text. A real SQLite file with migration 25.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { openDatabase, type Db } from '../db/open-database';
import { EditLog } from '../edit/edit-log';
import { LinkEdits } from '../products/link-edits';
import { registerProductUndo } from '../products/product-undo-kinds';
import { ProductRepo } from '../repositories/product-repo';
import { LinkSuggestionRepo } from '../repositories/link-suggestion-repo';
import { LinkSuggestionEdits } from './link-suggestion-edits';
import { writeOcrText } from '../../test-support/ai-text-rows';
import { suggestForNewProducts, suggestForSkus, suggestLinks } from './link-suggestions';
import { confusedForms, skuCandidates } from './sku-candidates';

let dir: string;
let db: Db;
let asset = 0;
const product = new Map<string, number>();

const newAsset = (): number => {
  asset++;
  db.prepare(
    `INSERT INTO assets (id, catalog_id, rel_path, name, bytes, mtime_ms, added_at)
     VALUES (?, 1, ?, ?, 1, 1, 1)`,
  ).run(asset, `a${asset}.png`, `a${asset}.png`);
  return asset;
};
const addProduct = (sku: string): number => {
  const id = Number(
    db.prepare('INSERT INTO products (sku, created_at, updated_at) VALUES (?, 1, 1)').run(sku)
      .lastInsertRowid,
  );
  product.set(sku, id);
  return id;
};
const suggested = (assetId: number): Record<string, string> =>
  Object.fromEntries(
    new LinkSuggestionRepo(db).list(assetId).map((s) => [s.sku, `${s.state}:${s.matched}`]),
  );

beforeAll(async () => {
  dir = await tempDir('link-suggestions');
  db = openDatabase(join(dir, 'library.db'));
  db.prepare(`INSERT INTO catalogs (id, path, name, added_at) VALUES (1, '/c', 'c', 'x')`).run();
  for (const sku of [
    'ACME-1042-BLK',
    'ACME-1042',
    'TEAPOT', // a plain word: never suggested from text
    'A.*+?(1)[x]|^$', // regex characters
    "50%_OFF'--", // LIKE and SQL characters
    'MUG 77 BLUE', // spaces
    'B1O-7', // and B10-7 below: O/0 would not know which
    'B10-7',
    'Z0I-9',
    'TRIPOD-900',
  ])
    addProduct(sku);
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('suggestLinks', () => {
  it('suggests a product whose SKU is a whole word of the text, in any case', () => {
    const id = newAsset();
    expect(suggestLinks(db, id, 'SALE 50% OFF\nsku: acme-1042-blk.')).toBe(1);
    expect(suggested(id)).toEqual({ 'ACME-1042-BLK': 'pending:acme-1042-blk' });
  });

  it('never matches part of a word, and never a plain word', () => {
    const id = newAsset();
    expect(suggestLinks(db, id, 'XACME-1042-BLK ACME-1042-BLKS teapot TEAPOT')).toBe(0);
  });

  it('finds a SKU after "SKU:" or "#", and one with spaces within a line', () => {
    const a = newAsset();
    suggestLinks(db, a, 'SKU:ACME-1042 and #ACME-1042-BLK');
    expect(Object.keys(suggested(a)).sort()).toEqual(['ACME-1042', 'ACME-1042-BLK']);
    const b = newAsset();
    suggestLinks(db, b, 'Mug 77 Blue\nMUG\n77 BLUE');
    expect(suggested(b)).toEqual({ 'MUG 77 BLUE': 'pending:Mug 77 Blue' });
  });

  it('treats regex, LIKE and quote characters in SKUs and text as text', () => {
    const id = newAsset();
    suggestLinks(db, id, "A.*+?(1)[x]|^$ 50%_OFF'-- .* % _ ' \" NEAR( OR");
    expect(Object.keys(suggested(id)).sort()).toEqual(["50%_OFF'--", 'A.*+?(1)[x]|^$']);
    expect(suggestLinks(db, newAsset(), 'A.x+?(1)[x]|^$ 50%xOFF')).toBe(0);
  });

  it('forgives O/0 and I/1 in a word of letters and digits, only when one product answers', () => {
    const id = newAsset();
    suggestLinks(db, id, 'ACME-IO42-BLK Z01-9'); // ACME-1042-BLK, ZOI-9 read with mix-ups
    expect(suggested(id)).toEqual({
      'ACME-1042-BLK': 'pending:ACME-IO42-BLK',
      'Z0I-9': 'pending:Z01-9',
    });
    // BIO-7 could be B1O-7 or B10-7: neither is suggested. B10-7 as read is exact.
    const b = newAsset();
    suggestLinks(db, b, 'BIO-7');
    expect(suggested(b)).toEqual({});
    suggestLinks(db, b, 'B10-7');
    expect(suggested(b)).toEqual({ 'B10-7': 'pending:B10-7' });
    expect(confusedForms('OFF')).toEqual([]); // no digit: no other spelling
    expect(confusedForms('2010')).toEqual([]);
  });

  it('leaves linked, rejected and accepted products alone; drops pending ones no longer read', () => {
    const id = newAsset();
    const repo = new LinkSuggestionRepo(db);
    db.prepare(
      `INSERT INTO product_links (product_id, asset_id, role, position, linked_at)
       VALUES (?, ?, 'main', 0, 1)`,
    ).run(product.get('ACME-1042'), id);
    repo.setState(id, product.get('B10-7')!, 'rejected');
    expect(suggestLinks(db, id, 'ACME-1042 B10-7 ACME-1042-BLK')).toBe(1);
    expect(suggested(id)).toEqual({
      'ACME-1042-BLK': 'pending:ACME-1042-BLK',
      'B10-7': 'rejected:',
    });
    // Read again (same text): nothing new. Other text: the pending one goes, the decision stays.
    expect(suggestLinks(db, id, 'ACME-1042 B10-7 ACME-1042-BLK')).toBe(0);
    expect(suggestLinks(db, id, 'nothing here')).toBe(0);
    expect(suggested(id)).toEqual({ 'B10-7': 'rejected:' });
  });

  it('a product made after its images were read is suggested for them', () => {
    const a = newAsset();
    const b = newAsset();
    writeOcrText(db, a, 'ha', 'Order KETTLE-7 today\nor KETTLE-7-XL');
    writeOcrText(db, b, 'hb', 'KETTLE 7 is not the SKU');
    const since = Date.now();
    addProduct('KETTLE-7');
    addProduct('KETTLE-7-XL');
    // The full-text index finds both images (the words kettle 7); only a has the SKU.
    expect(suggestForSkus(db, ['KETTLE-7'])).toBe(2);
    expect(suggested(a)).toEqual({
      'KETTLE-7': 'pending:KETTLE-7',
      'KETTLE-7-XL': 'pending:KETTLE-7-XL',
    });
    expect(suggested(b)).toEqual({});
    expect(suggestForNewProducts(db, since)).toBe(0); // already suggested
    for (const sku of ['%%%', '"', '" OR *', 'NEAR(a b)', '', ' ']) suggestForSkus(db, [sku]);
  });

  it('accepting links a still in the gallery, a video poster’s or a PDF’s text in its own role', () => {
    const edits = new EditLog(db);
    registerProductUndo(edits, db, new ProductRepo(db));
    const accept = new LinkSuggestionEdits(db, edits, new LinkEdits(db, edits));
    const roleOf = (assetId: number) =>
      db.prepare('SELECT role FROM product_links WHERE asset_id = ?').pluck().get(assetId);
    for (const [kind, role] of [
      ['image', 'gallery'],
      ['raw', 'gallery'],
      ['video', 'video'],
      ['document', 'document'],
    ]) {
      const id = newAsset();
      db.prepare('UPDATE assets SET kind = ? WHERE id = ?').run(kind, id);
      suggestLinks(db, id, 'TRIPOD-900');
      expect(accept.accept(id, product.get('TRIPOD-900')!).linked).toBe(true);
      expect([kind, roleOf(id)]).toEqual([kind, role]);
    }
  });

  it('bounds hostile text: long words, many words, thousands of products', () => {
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) addProduct(`BULK-${String(i).padStart(5, '0')}`);
    })();
    const words = Array.from({ length: 50_000 }, (_, i) => `W${i}O1I0`);
    const text = `${'X'.repeat(100_000)} BULK-00042 ${words.join(' ')} BULK-04999`;
    const id = newAsset();
    expect(skuCandidates(text).length).toBeLessThan(7000); // 2,000 words, runs of three
    suggestLinks(db, id, text);
    // Only the first 2,000 words are read: BULK-04999 comes after 50,000 others.
    expect(suggested(id)).toEqual({ 'BULK-00042': 'pending:BULK-00042' });
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id, sku FROM products WHERE sku = 'x'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(
      /SEARCH products USING (COVERING )?INDEX sqlite_autoindex_products_1 \(sku=\?\)/,
    );
  });
});
