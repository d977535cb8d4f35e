// Intake rules through the engine: real files in a folder tree, real EXIF written by sharp.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRules } from '../../../shared/intake-dto';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let folder: string;
let catalogId: number;

async function photo(
  rel: string,
  seed: number,
  exif?: { make: string; model: string; lens: string },
) {
  const bytes = await makeImage(96, 64, 'jpeg', seed);
  const out = exif
    ? await sharp(bytes)
        .jpeg()
        .withExif({ IFD0: { Make: exif.make, Model: exif.model }, IFD2: { LensModel: exif.lens } })
        .toBuffer()
    : bytes;
  await mkdir(join(folder, rel, '..'), { recursive: true });
  await writeFile(join(folder, rel), out);
}

const RULES: IntakeRules = {
  folders: { enabled: true, parent: 'Folder', nested: false },
  folderMap: [{ glob: 'Shoes/**', tag: 'Department|Footwear' }],
  filename: [
    {
      pattern:
        '^(?<sku>[A-Z]+-\\d+)_(?<shot>\\d{2})(?:_r(?<rating>[0-5]))?(?:_(?<title>[a-z ]+))?$',
      ignoreCase: false,
      tags: ['Source|Studio'],
    },
  ],
  exif: { camera: true, lens: true },
  naming: { pattern: '[A-Z]+-\\d+_\\d{2}(_.*)?', ignoreCase: false },
};

beforeAll(async () => {
  folder = await tempDir('intake');
  const canon = { make: 'Canon', model: 'Canon EOS R5', lens: 'RF24-70mm F2.8 L IS USM' };
  await photo('Shoes/Sneakers/ABC-123_01.jpg', 1, canon);
  await photo('Shoes/Sneakers/ABC-123_02_r4_side view.jpg', 2);
  await photo('Bags/IMG_4711.jpg', 3);
  h = await startHarness();
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await h.call('jobs.wait', {});
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

const keywords = async (name: string) => (await h.byName(name)).keywords;
const names = async (query: string) =>
  (await h.call('assets.list', { query })).items.map((a) => a.name);

describe('intake rules', () => {
  it('start off: nothing is tagged or flagged', async () => {
    expect(await h.call('intakeRules.get', { catalogId })).toMatchObject({
      folders: { enabled: false },
      naming: null,
    });
    expect(await keywords('ABC-123_01.jpg')).toEqual([]);
    expect(await names('violation')).toEqual([]);
  });

  it('refuses invalid, unsafe or oddly named patterns at the edge', async () => {
    const bad = async (pattern: string, why: RegExp) =>
      expect(
        h.call('intakeRules.set', {
          catalogId,
          rules: { ...RULES, filename: [{ pattern, ignoreCase: false, tags: [] }] },
        }),
      ).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(why) as unknown,
      });
    await bad('(?<sku>[A-Z]+', /valid regular expression/);
    // (a+)+ is safe on RE2 now; what RE2 cannot bound is refused instead.
    await bad(String.raw`^(\w)\1$`, /Backreferences .* not supported/);
    await bad('^(?=IMG)x', /Lookaround .* not supported/);
    await bad('(?<sku_$>x)', /Group name 'sku_\$' must start with a letter/);
    await bad('x'.repeat(501), /at most 500|<=500/);
  });

  it('previews what a sample name would get, from draft rules, changing nothing', async () => {
    const preview = await h.call('intakeRules.preview', {
      catalogId,
      rules: RULES,
      relPath: 'Shoes/Sneakers/XYZ-9_03_r5_front.png',
      camera: 'Nikon Z 8',
    });
    expect(preview).toEqual({
      tags: [
        'Folder|Shoes',
        'Folder|Sneakers',
        'Department|Footwear',
        'Source|Studio',
        'SKU|XYZ-9',
        'Shot|03',
        'Camera|Nikon Z 8',
      ],
      fields: { rating: 5, title: 'front' },
      violation: null,
    });
    const bad = await h.call('intakeRules.preview', {
      catalogId,
      rules: RULES,
      relPath: 'IMG_1.jpg',
    });
    expect(bad.violation).toMatch(/'IMG_1' does not match the naming convention/);
    expect((await h.call('intakeRules.get', { catalogId })).naming).toBeNull();
  });

  it('re-applies saved rules to existing files as one undoable step', async () => {
    await h.call('intakeRules.set', { catalogId, rules: RULES });
    const report = await h.call('intakeRules.apply', { catalogId });
    expect(report).toMatchObject({ assets: 3, violations: 1, canUndo: true });
    expect(report.step).toMatch(/^Apply intake rules/);
    expect(await keywords('ABC-123_01.jpg')).toEqual([
      'Camera|Canon EOS R5',
      'Department|Footwear',
      'Folder|Shoes',
      'Folder|Sneakers',
      'Lens|RF24-70mm F2.8 L IS USM',
      'Shot|01',
      'SKU|ABC-123',
      'Source|Studio',
    ]);
    const second = await h.byName('ABC-123_02_r4_side view.jpg');
    expect(second.rating).toBe(4);
    expect(second.keywords).toContain('SKU|ABC-123');
    expect((await h.call('assets.get', { id: second.id })).metadata?.title).toBe('side view');
    expect(await keywords('IMG_4711.jpg')).toEqual(['Folder|Bags']);
    expect((await h.byName('IMG_4711.jpg')).violation).toMatch(/naming convention/);
    expect(await names('naming:bad')).toEqual(['IMG_4711.jpg']);
    expect(await names('violation OR tag:SKU')).toHaveLength(3);
    expect(await names('tag:SKU|ABC-123 naming:ok')).toHaveLength(2);

    const undo = await h.call('edits.undo', {});
    expect(undo.step).toBe(report.step);
    expect(await keywords('ABC-123_01.jpg')).toEqual([]);
    expect((await h.byName('ABC-123_02_r4_side view.jpg')).rating).toBe(0);
    await h.call('edits.redo', {});
    expect(await keywords('ABC-123_01.jpg')).toHaveLength(8);
    // Applying again changes nothing: no second step.
    expect((await h.call('intakeRules.apply', { catalogId })).step).toBeNull();
  });

  it('applies the rules as new files are indexed, and follows a file that moves', async () => {
    await photo('Bags/Totes/TOTE-7_01.jpg', 4);
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    expect(await keywords('TOTE-7_01.jpg')).toEqual([
      'Folder|Bags',
      'Folder|Totes',
      'Shot|01',
      'SKU|TOTE-7',
      'Source|Studio',
    ]);
    const tote = await h.byName('TOTE-7_01.jpg');
    expect(tote.violation).toBeNull();

    // The user tags it Folder|Archive themselves: the rules never take that back.
    await h.call('tags.apply', { ids: [tote.id], path: 'Folder|Archive' });
    await mkdir(join(folder, 'Archive'));
    await rename(join(folder, 'Bags/Totes/TOTE-7_01.jpg'), join(folder, 'Archive/TOTE-7_01.jpg'));
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const moved = await h.byName('TOTE-7_01.jpg');
    expect(moved.id).toBe(tote.id);
    expect(moved.keywords).toEqual(['Folder|Archive', 'Shot|01', 'SKU|TOTE-7', 'Source|Studio']);
  });

  it('clears violations and rule tags when the rules are turned off and re-applied', async () => {
    await h.call('intakeRules.set', {
      catalogId,
      rules: { ...RULES, folders: { ...RULES.folders, enabled: false }, naming: null },
    });
    await h.call('intakeRules.apply', { catalogId });
    expect(await names('violation')).toEqual([]);
    expect(await keywords('IMG_4711.jpg')).toEqual([]);
    // The user's own Folder|Archive stays.
    expect(await keywords('TOTE-7_01.jpg')).toContain('Folder|Archive');
  });

  it('writes the tags it gives back to XMP like any other tag, when write-back is on', async () => {
    await h.call('catalogs.configure', { id: catalogId, xmp: 'sidecar' });
    await photo('Bags/BAG-5_01.jpg', 5);
    await h.call('catalogs.scan', {});
    await h.call('jobs.wait', {});
    const sidecar = join(folder, 'Bags', 'BAG-5_01.xmp');
    const exiftool = new ExifTool({ maxProcs: 1 });
    try {
      const read = await eventually(
        async () => (existsSync(sidecar) ? exiftool.read(sidecar) : undefined),
        'sidecar written',
      );
      expect(read.HierarchicalSubject).toEqual(['SKU|BAG-5', 'Shot|01', 'Source|Studio']);
    } finally {
      await exiftool.end();
    }
  });
});
