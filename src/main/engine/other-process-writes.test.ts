// Another process writes between an edit's first look and its write transaction: the edit
// must read what it changes (and what its undo puts back) inside that transaction. Side A is
// one engine's domain objects on its own connection to the library; `meanwhile` runs just
// before A's step opens its transaction, as a second process (side B, another connection)
// would; the running engine reads the result.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithPhotos, type Harness } from '../test-support/engine-harness';
import { CullingEdits } from './catalog/culling-edits';
import { CollectionEdits } from './collections/collection-edits';
import { openDatabase, type Db } from './db/open-database';
import { EditLog, type StepResult, type StepWork } from './edit/edit-log';
import { reapplyIntake } from './intake/apply-intake';
import { compileIntake } from './intake/evaluate-intake';
import { ProductParts } from './products/product-parts';
import { CollectionRepo } from './repositories/collection-repo';
import { IndexWriteRepo } from './repositories/index-write-repo';
import { IntakeRepo } from './repositories/intake-repo';
import { TagRepo } from './repositories/tag-repo';
import { TagEdits } from './tags/tag-edits';

/** An edit log that lets the other process write once, just before the next step begins. */
class Interleaved extends EditLog {
  meanwhile: (() => void) | null = null;

  override step(label: string, work: () => StepWork): StepResult {
    const other = this.meanwhile;
    this.meanwhile = null;
    other?.();
    return super.step(label, work);
  }
}

function side(db: Db, log: EditLog) {
  const tags = new TagRepo(db);
  return {
    log,
    tags,
    intake: new IntakeRepo(db, compileIntake),
    collections: new CollectionEdits(new CollectionRepo(db), log),
    tagEdits: new TagEdits(tags, log),
    culling: new CullingEdits(db, log),
    products: new ProductParts(db, log),
    writes: new IndexWriteRepo(db),
  };
}

let h: Harness;
let id: Record<string, number>;
let dispose: () => Promise<void>;
let dbA: Db;
let dbB: Db;
let logA: Interleaved;
let a: ReturnType<typeof side>;
let b: ReturnType<typeof side>;

beforeAll(async () => {
  ({ h, id, dispose } = await startWithPhotos(
    'reads',
    ['a.jpg', 'b.jpg', 'c.jpg', 'SKU-1_r3.jpg'],
    70,
  ));
  const file = join(h.dataDir, 'packshot.db');
  dbA = openDatabase(file);
  dbB = openDatabase(file);
  logA = new Interleaved(dbA);
  a = side(dbA, logA);
  b = side(dbB, new EditLog(dbB));
}, 60_000);

afterAll(async () => {
  dbA.close();
  dbB.close();
  await dispose();
});

const asset = (name: string): number => id[name] ?? -1;
const members = async (collectionId: number) =>
  (await h.call('assets.list', { collectionId })).items.map((x) => x.name).sort();

describe('an edit reads inside its own write transaction', () => {
  it('collections: an addition made by another process meanwhile is kept, and its undo too', async () => {
    const { id: picks } = await h.call('collections.save', { name: 'Picks' });
    logA.meanwhile = () => b.collections.add(picks, [asset('b.jpg')]);
    a.collections.add(picks, [asset('a.jpg')]);
    expect(await members(picks)).toEqual(['a.jpg', 'b.jpg']);

    logA.meanwhile = () => b.collections.add(picks, [asset('c.jpg')]);
    a.collections.remove(picks, [asset('a.jpg')]);
    expect(await members(picks)).toEqual(['b.jpg', 'c.jpg']);
    // Undo of the removal puts a.jpg back beside both others' additions.
    logA.undo();
    expect(await members(picks)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
  });

  it('intake: a rating another process set meanwhile is neither overwritten nor undone', async () => {
    const catalogId = (await h.call('catalogs.list', {}))[0]?.id ?? -1;
    await h.call('intakeRules.set', {
      catalogId,
      rules: {
        folders: { enabled: false, parent: 'Folder', nested: false },
        folderMap: [],
        filename: [
          { pattern: '^(?<sku>[A-Z]+-\\d+)_r(?<rating>[0-5])', ignoreCase: false, tags: [] },
        ],
        exif: { camera: false, lens: false },
        naming: { pattern: '[A-Z]+-\\d+_.*', ignoreCase: false },
      },
    });
    const sku = asset('SKU-1_r3.jpg');
    logA.meanwhile = () => b.culling.setFields('Rate', [sku], { rating: 1 });
    const deps = { intake: a.intake, tags: a.tags, edits: logA };
    const applied = reapplyIntake(deps, catalogId, 'Apply intake rules');
    expect(applied).toMatchObject({ assets: 4, violations: 3 });
    expect((await h.byName('SKU-1_r3.jpg')).rating).toBe(1);
    expect((await h.byName('SKU-1_r3.jpg')).keywords).toContain('SKU|SKU-1');
    logA.undo();
    expect(await h.byName('SKU-1_r3.jpg')).toMatchObject({ rating: 1, keywords: [] });
  });

  it('tags: a rename made meanwhile survives a move and its undo; a merge undoes to what it merged', async () => {
    const tagged = await h.call('tags.apply', { ids: [asset('a.jpg')], path: 'Shoot|Old' });
    expect(tagged.changed).toBe(1);
    const tags = await h.call('tags.list', {});
    const tagId = tags.find((t) => t.path === 'Shoot|Old')?.id ?? -1;
    logA.meanwhile = () => b.tagEdits.rename(tagId, 'Renamed');
    a.tagEdits.move(tagId, 0);
    expect((await h.byName('a.jpg')).keywords).toEqual(['Renamed']);
    logA.undo();
    expect((await h.byName('a.jpg')).keywords).toEqual(['Shoot|Renamed']);

    await h.call('tags.apply', { ids: [asset('b.jpg')], path: 'Into' });
    const into = (await h.call('tags.list', {})).find((t) => t.path === 'Into')?.id ?? -1;
    logA.meanwhile = () => b.tagEdits.rename(tagId, 'Final');
    a.tagEdits.merge(tagId, into);
    expect((await h.byName('a.jpg')).keywords).toEqual(['Into']);
    logA.undo();
    expect((await h.byName('a.jpg')).keywords).toEqual(['Shoot|Final']);
  });

  it('tags: an import counts only the tags it created', () => {
    const before = b.tagEdits.import('Import\n\tOne\n\tTwo\n');
    expect(before.created).toBe(3);
    expect(a.tagEdits.import('Import\n\tOne\n\tThree\n')).toEqual({
      created: 1,
      total: before.total + 1,
    });
  });

  it('products: a change made meanwhile is what undoing the delete puts back', async () => {
    const product = await h.call('products.create', { sku: 'P-1', name: 'First name' });
    logA.meanwhile = () => {
      const raw = new Database(join(h.dataDir, 'packshot.db'));
      raw.prepare('UPDATE products SET name = ? WHERE id = ?').run('Second name', product.id);
      raw.close();
    };
    expect(a.products.delete(product.id).removed).toBe(true);
    logA.undo();
    expect((await h.call('products.get', { id: product.id })).name).toBe('Second name');
  });
});

describe('a vanished asset moves once, whoever sees its file first', () => {
  it('refuses a transplant whose rows changed since it was decided', async () => {
    const to = await h.byName('c.jpg');
    const raw = new Database(join(h.dataDir, 'packshot.db'));
    const hash = raw.prepare('SELECT hash FROM assets WHERE id = ?').pluck().get(to.id) as string;
    const pending = (name: string, withHash: string | null): number =>
      Number(
        raw
          .prepare(
            `INSERT INTO assets (catalog_id, rel_path, name, folder, bytes, mtime_ms, kind, added_at, state, hash)
             SELECT catalog_id, ?, ?, folder, bytes, mtime_ms, kind, added_at, 'pending', ? FROM assets WHERE id = ?`,
          )
          .run(name, name, withHash, to.id).lastInsertRowid,
      );
    const first = pending('copy1.jpg', null);
    const second = pending('copy2.jpg', null);
    const read = pending('copy3.jpg', hash);
    const seen = { id: to.id, catalogId: to.catalogId, relPath: 'c.jpg' };
    // Both processes saw c.jpg gone and decided their new file is it: only the first moves it.
    expect(a.writes.transplant(first, seen, hash)).toBe(true);
    expect(b.writes.transplant(second, seen, hash)).toBe(false);
    // A file another process has read meanwhile (its hash recorded) is not moved either.
    expect(a.writes.transplant(read, { ...seen, relPath: 'copy1.jpg' }, hash)).toBe(false);
    const rows = raw
      .prepare('SELECT id, rel_path AS relPath FROM assets WHERE rel_path LIKE ? ORDER BY id')
      .all('copy%');
    raw.close();
    expect(rows).toEqual([
      { id: to.id, relPath: 'copy1.jpg' },
      { id: second, relPath: 'copy2.jpg' },
      { id: read, relPath: 'copy3.jpg' },
    ]);
  });
});
