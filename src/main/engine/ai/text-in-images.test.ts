// Text in images, end to end on a real engine: real OCR (tesseract.js) reads a generated
// packshot with a price banner and a SKU; what the AI job stores is written as its writer
// does (test-support/ai-text-rows.ts) with suggestLinks in the same transaction; then the
// link suggestion is accepted (and undone), text: finds the image, and pre-flight for
// Amazon's main image flags the text and passes a photo of a cup.
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOcrText, withLibrary } from '../../test-support/ai-text-rows';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { hasSamplePhotos, NO_SAMPLE_PHOTOS, samplePhoto } from '../../test-support/sample-photos';
import { seedProducts } from '../../test-support/seed-products';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { LinkSuggestionRepo } from '../repositories/link-suggestion-repo';
import { analyseImage } from '../tools/ai/analyse-image';
import { suggestLinks } from './link-suggestions';

// A kettle-ish shape on white with a promotional banner and the SKU on a label.
const PACKSHOT = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1000">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect x="380" y="300" width="440" height="520" rx="60" fill="#8a8f96"/>
  <text x="250" y="170" font-family="DejaVu Sans" font-size="96" font-weight="bold" fill="#c00">SALE 50% OFF</text>
  <text x="330" y="930" font-family="DejaVu Sans" font-size="56" fill="#222">ACME-1042-BLK</text></svg>`;

let h: Harness;
let folder: string;
const id: Record<string, number> = {};
const read: Record<string, string> = {};
let acme = 0;

const library = <T>(work: (db: Db) => T): T => withLibrary(h.dataDir, work);
const suggestion = (assetId: number, productId: number) =>
  library((db) => new LinkSuggestionRepo(db).state(assetId, productId));
const linkRole = (assetId: number, productId: number) =>
  library(
    (db) =>
      db
        .prepare('SELECT role FROM product_links WHERE asset_id = ? AND product_id = ?')
        .pluck()
        .get(assetId, productId) as string | undefined,
  );
const find = async (query: string): Promise<string[]> =>
  (await h.call('assets.list', { limit: 100, query })).items.map((a) => a.name).sort();

beforeAll(async () => {
  folder = await tempDir('text-in-images');
  await writeFile(join(folder, 'sale.png'), await sharp(Buffer.from(PACKSHOT)).png().toBuffer());
  if (hasSamplePhotos) await copyFile(samplePhoto('coffee.png'), join(folder, 'coffee.png'));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) id[a.name] = a.id;
  const products = seedProducts(h.dataDir, [
    { sku: 'ACME-1042-BLK', name: 'Trail Kettle', links: [] },
    { sku: 'SHOW-1', links: [{ assetId: id['sale.png']!, role: 'main' }] },
    ...(hasSamplePhotos
      ? [{ sku: 'CUP-1', links: [{ assetId: id['coffee.png']!, role: 'main' as const }] }]
      : []),
  ]);
  acme = products.get('ACME-1042-BLK')!;
  // As the AI job does: analyse each image, then write its text and suggest links in one
  // transaction.
  for (const a of await h.all()) {
    const result = await analyseImage({ source: join(folder, a.name), tasks: ['text'] });
    if (!result.text) throw new Error(`OCR failed on ${a.name}: ${result.errors.text}`);
    const text = result.text.text;
    read[a.name] = text;
    library((db) =>
      writeTransaction(db, () => {
        writeOcrText(db, a.id, a.hash!, text, null, 'bottle');
        suggestLinks(db, a.id, text);
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('text in images', () => {
  it('OCR reads the banner and the SKU', () => {
    expect(read['sale.png']).toContain('SALE 50% OFF');
    expect(read['sale.png']).toContain('ACME-1042-BLK');
  });

  it('the SKU it read suggests a link to that product', () => {
    expect(suggestion(id['sale.png']!, acme)).toBe('pending');
    expect(library((db) => new LinkSuggestionRepo(db).list(id['sale.png']!))).toEqual([
      {
        productId: acme,
        sku: 'ACME-1042-BLK',
        productName: 'Trail Kettle',
        matched: 'ACME-1042-BLK',
        state: 'pending',
      },
    ]);
  });

  it('accepting links it as one undoable step; undo unlinks it and the suggestion waits again', async () => {
    const sale = id['sale.png']!;
    expect(await h.call('linkSuggestions.accept', { assetId: sale, productId: acme })).toEqual({
      linked: true,
    });
    expect([linkRole(sale, acme), suggestion(sale, acme)]).toEqual(['gallery', 'accepted']);
    expect((await h.call('edits.state', {})).undoLabel).toBe('Link file to ACME-1042-BLK');
    await h.call('edits.undo', {});
    expect([linkRole(sale, acme), suggestion(sale, acme)]).toEqual([undefined, 'pending']);
    await h.call('edits.redo', {});
    expect([linkRole(sale, acme), suggestion(sale, acme)]).toEqual(['gallery', 'accepted']);
    await h.call('edits.undo', {});
    // Rejected: kept, and not suggested again when the text is read again.
    expect(await h.call('linkSuggestions.reject', { assetId: sale, productId: acme })).toEqual({
      rejected: true,
    });
    expect(library((db) => suggestLinks(db, sale, read['sale.png']!))).toBe(0);
    expect(suggestion(sale, acme)).toBe('rejected');
    await expect(
      h.call('linkSuggestions.accept', { assetId: sale, productId: 999 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('text: finds what OCR read, as it finds a document’s text', async () => {
    expect(await find('text:"50%"')).toEqual(['sale.png']);
    expect(await find('text:sale')).toEqual(['sale.png']);
    expect(await find('text:"acme-1042-blk"')).toEqual(['sale.png']);
    expect(await find('text:"50% ON"')).toEqual([]);
    expect(await find('text:bottle')).toEqual([]); // an object label, not text
  });

  it('pre-flight flags the text on an Amazon main image, naming the words', async () => {
    const report = await h.call('exports.check', { channels: ['amazon-main'] });
    const show = report.items.find((i) => i.sku === 'SHOW-1');
    expect(show?.level).toBe('fail');
    expect(show?.checks).toContainEqual({
      check: 'text-in-image',
      level: 'fail',
      reason: expect.stringMatching(
        /^promotional text in the image: “SALE 50% OFF ACME-1042-BLK”; Amazon allows no text/,
      ) as unknown,
    });
  });

  it('still flags it while the image waits to be read again (ai run --again)', async () => {
    const sale = await h.byName('sale.png');
    library((db) => new AiResultsRepo(db).invalidate([sale.id], ['text']));
    const report = await h.call('exports.check', { channels: ['amazon-main'] });
    const show = report.items.find((i) => i.sku === 'SHOW-1');
    expect(show?.checks.map((c) => `${c.check}:${c.level}`)).toContain('text-in-image:fail');
    library((db) => writeOcrText(db, sale.id, sale.hash!, read['sale.png']!));
  });

  it.skipIf(!hasSamplePhotos)(
    `a photo of a cup has no text to flag ${NO_SAMPLE_PHOTOS}`,
    async () => {
      expect(read['coffee.png']).toBe('');
      const report = await h.call('exports.check', { channels: ['amazon-main'] });
      const cup = report.items.find((i) => i.sku === 'CUP-1');
      expect(cup?.checks.map((c) => c.check)).not.toContain('text-in-image');
    },
  );

  it('a product created or imported later is suggested for the images showing its SKU', async () => {
    const sale = await h.byName('sale.png');
    // As if the label also read LAMP-0088 (the AI job rewrites the text when it reads again).
    library((db) => writeOcrText(db, sale.id, sale.hash!, `${read['sale.png']}\nLAMP-0088`));
    const lamp = await h.call('products.create', { sku: 'LAMP-0088', name: 'Lamp' });
    expect(suggestion(sale.id, lamp.id)).toBe('pending');
    // ACME-1042 is only part of the word ACME-1042-BLK: no suggestion.
    const part = await h.call('products.create', { sku: 'ACME-1042', name: 'Kettle' });
    expect(suggestion(sale.id, part.id)).toBeUndefined();
    // A SKU changed to one the image shows.
    library((db) => writeOcrText(db, sale.id, sale.hash!, `LAMP-0088 and LAMP-0088-X`));
    await h.call('products.update', { id: part.id, name: 'Kettle XL' });
    expect(suggestion(sale.id, part.id)).toBeUndefined(); // not renamed: not looked for
    await h.call('products.update', { id: part.id, sku: 'lamp-0088-x' });
    expect(suggestion(sale.id, part.id)).toBe('pending');
    // Imported from a CSV.
    library((db) => writeOcrText(db, sale.id, sale.hash!, 'Order DESK-5150 now'));
    const csv = join(folder, '..', `text-in-images-${sale.id}.csv`);
    await writeFile(csv, 'sku,name\nDESK-5150,Desk\nCHAIR-5151,Chair\n');
    expect((await h.call('products.import', { path: csv })).created).toBe(2);
    await rm(csv);
    const desk = await h.call('products.get', { sku: 'DESK-5150' });
    expect(suggestion(sale.id, desk.id)).toBe('pending');
  });
});
