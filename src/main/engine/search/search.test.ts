// The search language against a real SQLite index with FTS5.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;

beforeAll(async () => {
  folder = await tempDir('search');
  const exiftool = new ExifTool({ maxProcs: 1 });
  const files: [string, Buffer, Record<string, unknown>][] = [
    [
      'red-sneaker.jpg',
      await makeImage(2400, 1600, 'jpeg', 1),
      {
        'XMP-dc:Title': 'Crème sneaker',
        'XMP-lr:HierarchicalSubject': ['Product|Shoes|Sneakers'],
        'EXIF:Make': 'Canon',
        'EXIF:Model': 'EOS R5',
        'EXIF:DateTimeOriginal': '2026:05:04 10:00:00',
      },
    ],
    [
      'blue-bag.jpg',
      await makeImage(800, 600, 'jpeg', 2),
      {
        'XMP-dc:Description': 'A blue leather bag',
        'XMP-dc:Subject': ['bags'],
        'EXIF:Make': 'Nikon',
        'EXIF:Model': 'Z 8',
        'EXIF:DateTimeOriginal': '2025:12:24 09:00:00',
      },
    ],
    ['logo.png', await makeImage(3000, 300, 'png', 3), {}],
  ];
  for (const [name, bytes, tags] of files) {
    await writeFile(join(folder, name), bytes);
    if (Object.keys(tags).length > 0) {
      await exiftool.write(join(folder, name), tags, {
        writeArgs: ['-overwrite_original'],
      });
    }
  }
  await exiftool.end();
  await writeFile(join(folder, 'broken.jpg'), 'nope');
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function find(query: string): Promise<string[]> {
  return (await h.call('assets.list', { query, limit: 100 })).items.map((a) => a.name).sort();
}

describe('search', () => {
  it('matches free words by prefix over names, titles, descriptions and keywords', async () => {
    expect(await find('sneak')).toEqual(['red-sneaker.jpg']);
    expect(await find('creme')).toEqual(['red-sneaker.jpg']); // diacritics folded
    expect(await find('leather')).toEqual(['blue-bag.jpg']);
    expect(await find('"blue leather"')).toEqual(['blue-bag.jpg']);
  });

  it('answers fields, comparisons and states', async () => {
    expect(await find('tag:Shoes')).toEqual(['red-sneaker.jpg']);
    expect(await find('tag:sneakers')).toEqual(['red-sneaker.jpg']);
    expect(await find('tag:bags')).toEqual(['blue-bag.jpg']);
    expect(await find('camera:nikon')).toEqual(['blue-bag.jpg']);
    expect(await find('taken:2026-05')).toEqual(['red-sneaker.jpg']);
    expect(await find('format:png')).toEqual(['logo.png']);
    expect(await find('width>=2000')).toEqual(['logo.png', 'red-sneaker.jpg']);
    expect(await find('error')).toEqual(['broken.jpg']);
  });

  it('combines with AND, OR, NOT and parentheses', async () => {
    expect(await find('width>=2000 NOT format:png')).toEqual(['red-sneaker.jpg']);
    expect(await find('(camera:canon OR camera:nikon) -tag:bags')).toEqual(['red-sneaker.jpg']);
    expect(await find('format:jpg')).toEqual(
      ['blue-bag.jpg', 'broken.jpg', 'red-sneaker.jpg'].filter((n) => n !== 'broken.jpg'),
    );
  });

  it('ANDs free words, each matching any field or a keyword', async () => {
    expect(await find('creme sneak')).toEqual(['red-sneaker.jpg']); // title + name
    expect(await find('sneak leather')).toEqual([]);
    expect(await find('sneak leather OR logo')).toEqual(['logo.png']);
    expect(await find('shoes red')).toEqual(['red-sneaker.jpg']); // keyword + name
    expect(await find('bags leather')).toEqual(['blue-bag.jpg']); // keyword + description
    expect(await find('shoes leather')).toEqual([]);
    expect(await find('-shoes')).toEqual(['blue-bag.jpg', 'broken.jpg', 'logo.png']);
  });

  it('finds tags applied in the app at any level, and colours by exact palette name', async () => {
    const logo = (await h.call('assets.list', { query: 'logo', limit: 10 })).items[0];
    await h.call('tags.apply', { ids: [logo?.id ?? 0], path: 'Brand|Acme Corp' });
    expect(await find('tag:brand')).toEqual(['logo.png']);
    expect(await find('tag:"acme corp"')).toEqual(['logo.png']);
    expect(await find('tag:acme')).toEqual([]);
    expect(await find('acme')).toEqual(['logo.png']); // free words find keywords too
    const colours = (await h.call('assets.list', { limit: 100 })).items.flatMap(
      (a) => a.analysis?.colors.map((c) => c.name) ?? [],
    );
    const name = colours[0] ?? 'white';
    expect((await find(`color:${name}`)).length).toBeGreaterThan(0);
    expect(await find(`color:${name.slice(0, 3)}`)).toEqual([]);
    expect(await find(`color:${name},${name}`)).toEqual([]); // not a palette name
    await h.call('edits.undo', {});
    expect(await find('tag:brand')).toEqual([]);
    expect(await find('acme')).toEqual([]);
  });

  it('refuses an unknown field with a message that points at it', async () => {
    await expect(h.call('assets.list', { query: 'red shade:blue' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^Unknown field 'shade:' .*at column 5/) as unknown,
    });
  });
});
