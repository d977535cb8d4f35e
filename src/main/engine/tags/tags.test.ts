// Hierarchical tags with stable ids, through the engine: one undoable step per edit.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { fileTagPaths, parseKeywordList } from '../../../shared/tag-path';

let h: Harness;
let folder: string;
let ids: number[];

beforeAll(async () => {
  folder = await tempDir('tags');
  for (let i = 0; i < 5; i++)
    await writeFile(join(folder, `shot-${i}.jpg`), await makeImage(64, 48, 'jpeg', i));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  ids = (await h.all()).map((a) => a.id);
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

const tagOf = async (path: string) => (await h.call('tags.list', {})).find((t) => t.path === path);
const names = async (query: string) =>
  (await h.call('assets.list', { query })).items.map((a) => a.name);

describe('tags', () => {
  it('applies a hierarchical tag to many assets in one undoable step', async () => {
    const result = await h.call('tags.apply', {
      ids: ids.slice(0, 3),
      path: 'Product|Shoes|Sneakers',
    });
    expect(result).toMatchObject({
      changed: 3,
      step: 'Tag Product|Shoes|Sneakers (3 assets)',
      canUndo: true,
    });
    expect((await h.call('tags.list', {})).map((t) => [t.path, t.count])).toEqual([
      ['Product', 0],
      ['Product|Shoes', 0],
      ['Product|Shoes|Sneakers', 3],
    ]);
    expect(await names('tag:shoes')).toEqual(['shot-0.jpg', 'shot-1.jpg', 'shot-2.jpg']);
    await h.call('edits.undo', {});
    expect(await names('tag:shoes')).toEqual([]);
    await h.call('edits.redo', {});
    expect(await names('sneakers')).toEqual(['shot-0.jpg', 'shot-1.jpg', 'shot-2.jpg']);
  });

  it('renames a tag for every asset at once, and undoes it', async () => {
    const sneakers = await tagOf('Product|Shoes|Sneakers');
    await h.call('tags.rename', { id: sneakers?.id ?? 0, name: 'Trainers' });
    expect((await h.byName('shot-0.jpg')).keywords).toEqual(['Product|Shoes|Trainers']);
    expect(await names('tag:trainers')).toHaveLength(3);
    await h.call('edits.undo', {});
    expect((await h.byName('shot-0.jpg')).keywords).toEqual(['Product|Shoes|Sneakers']);
  });

  it('moves a tag with its children and keeps its id', async () => {
    const shoes = await tagOf('Product|Shoes');
    await h.call('tags.move', { id: shoes?.id ?? 0, parentId: 0 });
    expect((await tagOf('Shoes|Sneakers'))?.count).toBe(3);
    expect((await tagOf('Shoes'))?.id).toBe(shoes?.id);
    await expect(
      h.call('tags.move', {
        id: shoes?.id ?? 0,
        parentId: (await tagOf('Shoes|Sneakers'))?.id ?? 0,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await h.call('edits.undo', {});
    expect(await tagOf('Product|Shoes|Sneakers')).toBeDefined();
  });

  it('merges one tag into another, and undoes the merge', async () => {
    await h.call('tags.apply', { ids: ids.slice(2, 5), path: 'Sneaker' });
    const from = await tagOf('Sneaker');
    const into = await tagOf('Product|Shoes|Sneakers');
    const merged = await h.call('tags.merge', { from: from?.id ?? 0, into: into?.id ?? 0 });
    expect(merged.changed).toBe(3);
    expect(await tagOf('Sneaker')).toBeUndefined();
    expect((await tagOf('Product|Shoes|Sneakers'))?.count).toBe(5);
    await h.call('edits.undo', {});
    expect((await tagOf('Sneaker'))?.id).toBe(from?.id);
    expect((await tagOf('Sneaker'))?.count).toBe(3);
    expect((await tagOf('Product|Shoes|Sneakers'))?.count).toBe(3);
  });

  it('removes a tag from a selection, tags by query, and keeps tags when a file moves', async () => {
    const sneakers = await tagOf('Product|Shoes|Sneakers');
    await h.call('tags.remove', { ids: [ids[0] ?? 0], tagId: sneakers?.id ?? 0 });
    expect(await names('tag:sneakers')).toEqual(['shot-1.jpg', 'shot-2.jpg']);
    await h.call('tags.applyQuery', { query: 'name:shot-4', path: 'Hero' });
    await mkdir(join(folder, 'moved'));
    await rename(join(folder, 'shot-4.jpg'), join(folder, 'moved', 'hero.jpg'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await names('tag:hero')).toEqual(['hero.jpg']);
  });

  it('imports a Lightroom keyword list', async () => {
    const result = await h.call('tags.import', {
      text: '\uFEFFProduct\n\tShoes\n\t\tBoots\n\t\t{Wellies}\n[Location]\n\tStudio A\r\nSeason\n',
    });
    expect(result.created).toBeGreaterThanOrEqual(4);
    for (const path of ['Product|Shoes|Boots', 'Location|Studio A', 'Season'])
      expect(await tagOf(path)).toBeDefined();
    expect(await tagOf('Product|Shoes|Wellies')).toBeUndefined();
  });
});

describe('tag paths', () => {
  it('keeps flat keywords that are not levels of a hierarchical one', () => {
    expect(fileTagPaths(['Product', 'Shoes', 'red'], ['Product|Shoes'])).toEqual([
      'Product|Shoes',
      'red',
    ]);
  });

  it('parses tab-indented keyword lists', () => {
    expect(parseKeywordList('A\n\tB\n\t\tC\n\tD\nE')).toEqual(['A', 'A|B', 'A|B|C', 'A|D', 'E']);
  });
});
