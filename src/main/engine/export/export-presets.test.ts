// Every built-in preset, exported from generated product shots (object on white, on grey,
// cut out, CMYK, 16-bit, too small), and every file checked against its preset's own rules.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelPreset, PackManifest, ExportSummary } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot, type ShotKind } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';

const KINDS: ShotKind[] = ['white', 'grey', 'transparent', 'cmyk', 'png16', 'small'];
const WHITE_RULE = ['amazon-main', 'bol', 'zalando'];
const TOO_SMALL_FOR = [
  'amazon-main',
  'ebay',
  'etsy',
  'bol',
  'zalando',
  'instagram-square',
  'instagram-portrait',
];

let h: Harness;
let catalog: string;
let out: string;
let presets: ChannelPreset[];
let manifest: PackManifest;
const summaries: ExportSummary[] = [];

async function exportAndWait(
  args: Parameters<Harness['call']>[1] & object,
): Promise<ExportSummary> {
  const job = await h.call('exports.start', args as never);
  return h.call('exports.wait', { jobId: (job as { jobId: string }).jobId });
}

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('shots');
  out = await tempDir('pack');
  for (const [i, kind] of KINDS.entries()) {
    const shot = await productShot(kind, i, { width: 1600, height: 1250 });
    await writeFile(join(catalog, `${kind}.${shot.ext}`), shot.data);
  }
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  const assets = await h.all();
  const id = (kind: string): number => {
    const a = assets.find((x) => x.name.startsWith(`${kind}.`));
    if (!a) throw new Error(`no asset ${kind}`);
    return a.id;
  };
  seedProducts(h.dataDir, [
    ...KINDS.map((kind) => ({
      sku: `S-${kind}`,
      name: `Shot ${kind}`,
      links: [{ assetId: id(kind), role: 'main' as const }],
    })),
    {
      sku: 'G-all',
      name: 'Gallery of every kind',
      links: KINDS.map((kind) => ({ assetId: id(kind), role: 'gallery' as const })),
    },
  ]);
  presets = await h.call('presets.list', {});
  // The static headless pack has its own test (export/headless/headless-pack.test.ts).
  const allButAdditional = presets
    .filter((p) => p.id !== 'amazon-additional' && p.id !== 'headless')
    .map((p) => p.id);
  summaries.push(
    await exportAndWait({ channels: allButAdditional, query: 'S-', out, failures: 'skip' }),
    await exportAndWait({ channels: ['amazon-additional'], query: 'G-all', out }),
  );
  manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
}, 600_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

function presetOf(id: string): ChannelPreset {
  const p = presets.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

const FORMAT = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' } as const;

describe('built-in presets', () => {
  it('ships the fourteen presets, each with its source and the date it was checked', () => {
    expect(presets.map((p) => p.id).sort()).toEqual(
      [
        'amazon-3d',
        'amazon-additional',
        'amazon-main',
        'bol',
        'ebay',
        'etsy',
        'google',
        'headless',
        'instagram-portrait',
        'instagram-square',
        'shopify',
        'web',
        'woocommerce',
        'zalando',
      ].sort(),
    );
    for (const p of presets) {
      expect(p.builtIn).toBe(true);
      expect(p.source.title.length).toBeGreaterThan(5);
      expect(p.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(presetOf('amazon-main').roles).toEqual(['main']);
    expect(presetOf('amazon-additional').roles).not.toContain('main');
    expect(
      presetOf('web')
        .renditions.map((r) => r.format)
        .sort(),
    ).toContain('avif');
  });

  it('ran without errors', () => {
    for (const s of summaries) {
      expect(s.errors).toEqual([]);
      expect(s.failed).toBe(0);
      expect(s.rendered).toBeGreaterThan(0);
    }
  });

  it('writes every preset, each file meeting its own rules', async () => {
    const seen = new Set(manifest.files.map((f) => f.presetId));
    // amazon-3d exports 3D models only, and none is linked here (export-models.test.ts).
    // headless has its own test (not exported here, see beforeAll).
    const forPhotos = presets.filter(
      (p) => p.roles.some((r) => r !== 'model') && p.id !== 'headless',
    );
    expect([...seen].sort()).toEqual(forPhotos.map((p) => p.id).sort());
    for (const f of manifest.files) {
      const preset = presetOf(f.presetId);
      const rules = preset.rules;
      const rendition = preset.renditions.find((r) => r.key === f.key);
      if (!rendition) throw new Error(`${f.file}: no rendition ${f.key}`);
      const data = await readFile(join(out, ...f.file.split('/')));
      const where = `${f.file} (${preset.id})`;
      expect(createHash('sha256').update(data).digest('hex'), where).toBe(f.sha256);
      expect(data.length, where).toBe(f.bytes);
      const meta = await sharp(data).metadata();
      expect(meta.format, where).toBe(FORMAT[rendition.format]);
      expect(rules.formats, where).toContain(rendition.format);
      expect([meta.width, meta.height], where).toEqual([f.width, f.height]);
      if (rendition.width !== null) expect(f.width, where).toBeLessThanOrEqual(rendition.width);
      if (rendition.height !== null) expect(f.height, where).toBeLessThanOrEqual(rendition.height);
      if (rules.maxWidth !== null) expect(f.width, where).toBeLessThanOrEqual(rules.maxWidth);
      if (rules.maxHeight !== null) expect(f.height, where).toBeLessThanOrEqual(rules.maxHeight);
      if (rules.minWidth !== null) expect(f.width, where).toBeGreaterThanOrEqual(rules.minWidth);
      if (rules.minHeight !== null) expect(f.height, where).toBeGreaterThanOrEqual(rules.minHeight);
      if (rules.minLongSide !== null)
        expect(Math.max(f.width, f.height), where).toBeGreaterThanOrEqual(rules.minLongSide);
      const aspect = f.width / f.height;
      const slack = 1 / Math.min(f.width, f.height);
      if (rules.minAspect !== null)
        expect(aspect + slack, where).toBeGreaterThanOrEqual(rules.minAspect);
      if (rules.maxAspect !== null)
        expect(aspect - slack, where).toBeLessThanOrEqual(rules.maxAspect);
      if (rules.maxBytes !== null) expect(f.bytes, where).toBeLessThanOrEqual(rules.maxBytes);
      if (rules.minBytes !== null) expect(f.bytes, where).toBeGreaterThanOrEqual(rules.minBytes);
      // sRGB, 8-bit, profile embedded, transparency flattened (CMYK and 16-bit inputs too).
      expect(meta.space, where).toBe('srgb');
      expect(meta.depth, where).toBe('uchar');
      expect(meta.hasProfile, where).toBe(true);
      expect(meta.hasAlpha, where).toBe(false);
    }
  });

  it('puts white behind the product where the source was white or transparent', async () => {
    const light = manifest.files.filter((f) => !/grey/.test(f.sku) && f.sku !== 'G-all');
    expect(light.length).toBeGreaterThan(40);
    for (const f of light) {
      const { data } = await sharp(join(out, ...f.file.split('/')))
        .extract({ left: 0, top: 0, width: 2, height: 2 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(Math.min(...data), `${f.file} corner`).toBeGreaterThanOrEqual(245);
    }
  });

  it('trims Amazon main images and pads the product back to 85 % of the frame', async () => {
    const mains = manifest.files.filter((f) => f.presetId === 'amazon-main');
    expect(mains.map((f) => f.sku).sort()).toEqual(
      ['S-cmyk', 'S-png16', 'S-transparent', 'S-white'].sort(),
    );
    for (const f of mains) {
      expect(f.file).toBe(`amazon/${f.sku}.MAIN.jpg`);
      const { data, info } = await sharp(join(out, ...f.file.split('/')))
        .raw()
        .toBuffer({ resolveWithObject: true });
      let [minX, minY, maxX, maxY] = [info.width, info.height, -1, -1];
      for (let y = 0; y < info.height; y++)
        for (let x = 0; x < info.width; x++) {
          const i = (y * info.width + x) * info.channels;
          if (Math.min(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0) > 235) continue;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      const fill = Math.max((maxX - minX + 1) / info.width, (maxY - minY + 1) / info.height);
      expect(fill, f.file).toBeGreaterThan(0.82);
      expect(fill, f.file).toBeLessThan(0.88);
    }
  });

  it('leaves out what pre-flight fails: grey backgrounds on white-only channels, a small image', () => {
    const has = (preset: string, sku: string): boolean =>
      manifest.files.some((f) => f.presetId === preset && f.sku === sku);
    for (const preset of WHITE_RULE) expect(has(preset, 'S-grey'), preset).toBe(false);
    for (const preset of TOO_SMALL_FOR) expect(has(preset, 'S-small'), preset).toBe(false);
    for (const preset of ['shopify', 'google', 'woocommerce', 'web'])
      expect(has(preset, 'S-small'), preset).toBe(true);
    expect(has('shopify', 'S-grey')).toBe(true);
    expect(summaries[0]?.skipped).toBeGreaterThanOrEqual(WHITE_RULE.length + TOO_SMALL_FOR.length);
  });

  it('reports each failure with its reason in pre-flight', async () => {
    const report = await h.call('exports.check', { channels: ['amazon-main', 'zalando'] });
    const item = (preset: string, sku: string) =>
      report.items.find((i) => i.presetId === preset && i.sku === sku);
    expect(item('amazon-main', 'S-grey')?.level).toBe('fail');
    expect(item('amazon-main', 'S-grey')?.checks.map((c) => c.check)).toContain('white-background');
    expect(item('zalando', 'S-small')?.checks.find((c) => c.check === 'min-size')?.reason).toMatch(
      /300 × 240/,
    );
    expect(item('amazon-main', 'S-white')?.level).not.toBe('fail');
    // G-all has no main image: the product itself fails on amazon-main.
    expect(item('amazon-main', 'G-all')).toMatchObject({ assetId: null, level: 'fail' });
    expect(report.totals.fail).toBeGreaterThan(0);
  });

  it("exports failures with a warning when asked to ('warn')", async () => {
    const warnOut = await tempDir('pack-warn');
    try {
      const s = await exportAndWait({
        channels: ['zalando'],
        query: 'S-small',
        out: warnOut,
        failures: 'warn',
      });
      expect(s.rendered).toBe(1);
      expect(s.warned).toBe(1);
      const m = JSON.parse(await readFile(join(warnOut, 'manifest.json'), 'utf8')) as PackManifest;
      expect(m.files[0]?.warnings.join(' ')).toMatch(/min-size/);
    } finally {
      await rm(warnOut, { recursive: true, force: true });
    }
  });
});
