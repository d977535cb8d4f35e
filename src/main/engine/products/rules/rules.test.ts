// Filename rules on real-looking names: the pure matcher, then dry runs, applying (one
// undoable step) and auto rules on arrival through the engine.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { BUILT_IN_RULE, compileRule } from './link-rule';

const AKENEO = String.raw`(?<sku>[A-Z0-9-]+)_(?<position>\d{2})(?:_(?<role>[a-z]+))?\.\w+`;

describe('a filename rule', () => {
  it('reads SKU, position and role from Akeneo-style names', () => {
    const rule = compileRule('akeneo', AKENEO);
    expect(rule.match('SNK-100-RED_01.jpg')).toEqual({
      sku: 'SNK-100-RED',
      position: 1,
      role: null,
    });
    expect(rule.match('SNK-100-RED_03_detail.tif')).toEqual({
      sku: 'SNK-100-RED',
      position: 3,
      role: 'detail',
    });
    expect(rule.match('IMG_4411.JPG')).toBeNull(); // two digits, then the extension
    expect(rule.match('holiday photo.jpg')).toBeNull();
  });

  it('the built-in {sku}_{position} rule takes SKUs with underscores and a role word', () => {
    const rule = compileRule(BUILT_IN_RULE.name, BUILT_IN_RULE.pattern);
    expect(rule.match('ab_12_34_02.png')).toEqual({ sku: 'ab_12_34', position: 2, role: null });
    expect(rule.match('8712345000011_1_manual.pdf')).toEqual({
      sku: '8712345000011',
      position: 1,
      role: 'manual',
    });
    expect(rule.match('DSC01234.jpg')).toBeNull();
  });

  it('refuses a broken expression and one without a sku group', () => {
    expect(() => compileRule('x', '(?<sku>[A-Z')).toThrow(/not a valid regular expression/);
    expect(() => compileRule('x', String.raw`(\w+)_\d+`)).toThrow(/named group \(\?<sku>/);
    // The intake patterns' checks: group names that can be tag names, and 500 characters.
    expect(() => compileRule('x', '(?<sku>\\w+)_(?<2nd>\\d+)')).toThrow(/group name '2nd'/i);
    const long = `(?<sku>[A-Z]+)${'x'.repeat(500)}`;
    expect(() => compileRule('x', long)).toThrow(/at most 500 characters/);
  });
});

describe('running rules', () => {
  let h: Harness;
  let folder: string;

  afterEach(async () => {
    await h.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  async function setUp(names: string[], watch = false): Promise<void> {
    folder = await tempDir('rules');
    await mkdir(join(folder, 'shoot'));
    for (const [i, name] of names.entries())
      await writeFile(join(folder, 'shoot', name), await makeImage(200, 200, 'jpeg', i + 1));
    h = await startHarness({ watch });
    await h.call('catalogs.add', { path: folder });
    await h.call('jobs.wait', {});
    await h.call('products.create', { sku: 'SNK-100-RED', name: 'Sneaker red' });
    await h.call('products.create', { sku: 'BAG-7' });
  }

  it('dry-runs, applies as one undoable step, and applies again without doubling', async () => {
    await setUp([
      'SNK-100-RED_01.jpg',
      'SNK-100-RED_02.jpg',
      'SNK-100-RED_03_detail.jpg',
      'SNK-100-RED_04_detail.jpg',
      'SNK-100-RED_04_lifestyle.jpg',
      'SNK-100-RED_05_lifestyle.jpg',
      'SNK-100-RED_05_foo.jpg',
      'BAG-7_02.jpg',
      'BAG-7_03.jpg',
      'BAG-7_03.jpeg',
      'ZZZ-404_01.jpg',
      'team-photo.jpg',
    ]);
    const dry = await h.call('rules.dryRun', { pattern: AKENEO });
    const slots = dry.links.map((l) => `${l.sku} ${l.role} ${l.position} ${l.relPath}`);
    expect(slots).toEqual([
      'BAG-7 gallery 0 shoot/BAG-7_02.jpg',
      'BAG-7 gallery 1 shoot/BAG-7_03.jpeg',
      'SNK-100-RED detail 0 shoot/SNK-100-RED_03_detail.jpg',
      'SNK-100-RED detail 1 shoot/SNK-100-RED_04_detail.jpg',
      'SNK-100-RED gallery 0 shoot/SNK-100-RED_02.jpg',
      'SNK-100-RED lifestyle 0 shoot/SNK-100-RED_04_lifestyle.jpg',
      'SNK-100-RED lifestyle 1 shoot/SNK-100-RED_05_lifestyle.jpg',
      'SNK-100-RED main 0 shoot/SNK-100-RED_01.jpg',
    ]);
    expect(dry.conflicts).toHaveLength(2);
    expect(dry.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          relPath: 'shoot/BAG-7_03.jpg',
          reason: "another file has number 3 in BAG-7's gallery slot",
        }),
        expect.objectContaining({
          relPath: 'shoot/SNK-100-RED_05_foo.jpg',
          reason: "unknown role 'foo' in the name",
        }),
      ]),
    );
    expect(dry.unknownSku).toEqual([expect.objectContaining({ relPath: 'shoot/ZZZ-404_01.jpg' })]);
    expect(dry.unmatched).toBe(1);
    // A dry run changes nothing.
    expect((await h.all('unlinked')).length).toBe(12);

    const applied = await h.call('rules.apply', { pattern: AKENEO });
    expect(applied).toMatchObject({ changed: 8, canUndo: true, step: 'Link 8 files by name' });
    expect((await h.all('unlinked')).length).toBe(4);
    const snk = await h.call('products.list', { query: 'SNK-100-RED' });
    expect(snk.items[0]?.linkCount).toBe(6);

    const again = await h.call('rules.apply', { pattern: AKENEO });
    expect(again).toMatchObject({ changed: 0, step: null });
    expect(again.links).toEqual([]);
    expect(again.conflicts).toContainEqual(
      expect.objectContaining({
        relPath: 'shoot/BAG-7_03.jpg',
        reason: "BAG-7_03.jpeg already has number 3 in BAG-7's gallery slot",
      }),
    );

    await h.call('edits.undo', {});
    expect((await h.all('unlinked')).length).toBe(12);
    await h.call('edits.redo', {});
    expect((await h.all('unlinked')).length).toBe(4);
  });

  it('uses the configured rules, else the built-in one; a taken main slot is a conflict', async () => {
    await setUp(['SNK-100-RED_01.jpg', 'SNK-100-RED_2.jpg', 'bag-7_1.jpg']);
    const builtIn = await h.call('rules.dryRun', {});
    expect(builtIn.links.map((l) => [l.rule, l.sku, l.role])).toEqual([
      ['{sku}_{position}', 'BAG-7', 'main'],
      ['{sku}_{position}', 'SNK-100-RED', 'gallery'],
      ['{sku}_{position}', 'SNK-100-RED', 'main'],
    ]);

    const saved = await h.call('rules.save', { name: 'two digits', pattern: AKENEO, auto: false });
    expect(await h.call('rules.list', {})).toEqual([saved]);
    await expect(h.call('rules.save', { name: 'bad', pattern: '(' })).rejects.toThrow(
      /regular expression/,
    );
    // Refused by the contract as intake patterns are: the group name, the length.
    await expect(
      h.call('rules.save', { name: 'bad', pattern: '(?<sku>\\w+)_(?<p-1>\\d+)' }),
    ).rejects.toThrow(/Group name 'p-1'/);
    await expect(
      h.call('rules.save', { name: 'long', pattern: `(?<sku>\\w+)${'_'.repeat(500)}` }),
    ).rejects.toThrow(/at most 500 characters/);
    const configured = await h.call('rules.dryRun', {});
    expect(configured.links.map((l) => l.relPath)).toEqual(['shoot/SNK-100-RED_01.jpg']);

    const bag = (await h.call('products.list', { query: 'BAG-7' })).items[0]!;
    const other = (await h.all()).find((a) => a.name === 'SNK-100-RED_2.jpg')!;
    await h.call('links.setMain', { productId: bag.id, assetId: other.id });
    await h.call('rules.save', {
      id: saved.id,
      name: 'loose',
      pattern: BUILT_IN_RULE.pattern,
      auto: false,
    });
    const plan = await h.call('rules.dryRun', {});
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        relPath: 'shoot/bag-7_1.jpg',
        reason: 'BAG-7 already has a main image',
      }),
    ]);
    expect(await h.call('rules.delete', { id: saved.id })).toEqual({ removed: true });
    expect(await h.call('rules.list', {})).toEqual([]);
  });

  it('auto rules link files as they arrive; undoing a hand edit keeps them', async () => {
    await setUp(['packshot-extra.jpg'], true);
    await h.call('rules.save', { name: 'auto', pattern: AKENEO, auto: true });
    const product = (await h.call('products.list', { query: 'SNK-100-RED' })).items[0]!;
    const extra = await h.byName('packshot-extra.jpg');
    await h.call('links.add', { productId: product.id, assetIds: [extra.id], role: 'lifestyle' });

    const changes: string[] = [];
    h.engine.subscribe((name) => changes.push(name));
    await writeFile(
      join(folder, 'shoot', 'SNK-100-RED_01.jpg'),
      await makeImage(300, 300, 'jpeg', 7),
    );
    await writeFile(
      join(folder, 'shoot', 'SNK-100-RED_02.jpg'),
      await makeImage(300, 300, 'jpeg', 8),
    );
    await eventually(
      async () => (await h.call('products.get', { id: product.id })).links.length === 3,
      'both arrivals linked',
    );
    const roles = async (): Promise<string[]> =>
      (await h.call('products.get', { id: product.id })).links.map((l) => `${l.role} ${l.name}`);
    expect(await roles()).toEqual([
      'main SNK-100-RED_01.jpg',
      'gallery SNK-100-RED_02.jpg',
      'lifestyle packshot-extra.jpg',
    ]);
    expect(changes).toContain('products.changed');

    // Auto links are not undo steps (they follow a setting, like indexing), and undoing the
    // hand edit made before them leaves them in place.
    expect((await h.call('edits.undo', {})).step).toBe('Link 1 file');
    expect(await roles()).toEqual(['main SNK-100-RED_01.jpg', 'gallery SNK-100-RED_02.jpg']);
    expect((await h.call('edits.undo', {})).step).toBeNull();
    await h.call('edits.redo', {});
    expect(await roles()).toHaveLength(3);
  });
});
