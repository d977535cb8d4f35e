// A pack over several runs: incremental, versioned presets, focal points, removals that
// touch only the pack's own files, hostile SKUs, deterministic collisions, the CSV.
import Database from 'better-sqlite3';
import {
  lstat,
  readFile,
  realpath,
  rm,
  stat,
  writeFile,
  appendFile,
  mkdir,
} from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';
import { bodyOf } from '../repositories/preset-repo';
import { listFiles } from '../../test-support/list-files';

let h: Harness;
let catalog: string;
const ids = new Map<string, number>();
let assetIds: number[] = [];

const HOSTILE = ['../../etc/passwd', 'CON', 'Sneaker 👟 Ünïcødé', 'x'.repeat(300), 'a/b', 'a:b'];

async function run(
  out: string,
  channels: string[],
  extra: { query?: string; dryRun?: boolean; baseUrl?: string } = {},
): Promise<ExportSummary> {
  const job = await h.call('exports.start', { channels, out, ...extra });
  return h.call('exports.wait', { jobId: job.jobId });
}

async function manifestOf(out: string): Promise<PackManifest> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
}

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('pack-src');
  for (let i = 0; i < 3; i++) {
    const shot = await productShot('white', i, { width: 800, height: 600 });
    await writeFile(join(catalog, `p${i}.jpg`), shot.data);
  }
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  assetIds = (await h.all()).sort((a, b) => (a.name < b.name ? -1 : 1)).map((a) => a.id);
  const [a0 = 0, a1 = 0, a2 = 0] = assetIds;
  for (const [sku, id] of seedProducts(h.dataDir, [
    {
      sku: 'P-1',
      name: 'Parent',
      attributes: { brand: 'Acme' },
      links: [
        { assetId: a0, role: 'main' },
        { assetId: a1, role: 'gallery' },
      ],
    },
    {
      sku: 'P-1-RED',
      name: 'Red',
      parentSku: 'P-1',
      attributes: { color: 'Red' },
      links: [{ assetId: a2, role: 'main' }],
    },
    ...HOSTILE.map((sku) => ({
      sku,
      name: `Hostile ${sku.slice(0, 10)}`,
      links: [{ assetId: a2, role: 'main' as const }],
    })),
  ]))
    ids.set(sku, id);
  await h.call('presets.save', { id: 'tiny', preset: tinyPreset() });
  await h.call('presets.save', {
    id: 'tiny-webp',
    preset: tinyPreset({
      channel: 'tinyweb',
      renditions: [{ ...tinyPreset().renditions[0]!, format: 'webp', fit: 'inside' }],
    }),
  });
}, 300_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
});

describe('presets', () => {
  it('saves, versions, copies and deletes user presets; built-in ones are copied, not deleted', async () => {
    const events: string[] = [];
    const off = h.engine.subscribe((name) => events.push(name));
    const v1 = await h.call('presets.get', { id: 'tiny' });
    const v2 = await h.call('presets.save', {
      id: 'tiny',
      preset: { ...tinyPreset(), notes: 'edited' },
    });
    expect(v2.version).toBe(v1.version + 1);
    const copy = await h.call('presets.copy', { id: 'amazon-main' });
    expect(copy).toMatchObject({ id: 'amazon-main-copy', builtIn: false, basedOn: 'amazon-main' });
    expect((await h.call('presets.copy', { id: 'amazon-main' })).id).toBe('amazon-main-copy-2');
    // A copy keeps every section: video and 3D rules too (else models take the photo path).
    const shopifyCopy = await h.call('presets.copy', { id: 'shopify' });
    expect(shopifyCopy.model).toEqual((await h.call('presets.get', { id: 'shopify' })).model);
    expect(shopifyCopy.video).toBeTruthy();
    await expect(h.call('presets.delete', { id: 'amazon-main' })).rejects.toThrow(/built in/);
    // An edit of a built-in preset is kept beside it, and deleting it goes back.
    const shopify = await h.call('presets.get', { id: 'shopify' });
    const edited = await h.call('presets.save', {
      id: 'shopify',
      preset: { ...bodyOf(shopify), notes: 'mine' },
    });
    expect(edited).toMatchObject({ builtIn: true, modified: true, notes: 'mine' });
    expect(edited.version).toBeGreaterThan(shopify.version);
    expect(await h.call('presets.delete', { id: 'shopify' })).toEqual({ removed: true });
    expect((await h.call('presets.get', { id: 'shopify' })).modified).toBe(false);
    expect(await h.call('presets.delete', { id: 'amazon-main-copy' })).toEqual({ removed: true });
    await expect(
      h.call('presets.save', {
        id: 'bad',
        preset: tinyPreset({ naming: { folder: '', file: '{sku}-{colour}.{ext}' } }),
      }),
    ).rejects.toThrow(/unknown name field/);
    off();
    expect(events).toContain('presets.changed');
  });
});

describe('a pack over several runs', () => {
  let out: string;
  beforeAll(async () => {
    out = await tempDir('pack-out');
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('a dry run lists the files and writes nothing', async () => {
    const dry = await run(out, ['tiny'], { dryRun: true });
    expect(dry.rendered).toBe(HOSTILE.length + 3);
    expect(dry.files).toContain('tiny/P-1/P-1-2.jpg');
    expect(await listFiles(out)).toEqual([]);
  });

  it('writes the pack with a manifest and a Shopify-style CSV', async () => {
    const s = await run(out, ['tiny', 'tiny-webp'], { baseUrl: 'https://cdn.example.com/pack/' });
    expect(s).toMatchObject({ rendered: 2 * (HOSTILE.length + 3), failed: 0, unchanged: 0 });
    const m = await manifestOf(out);
    const red = m.files.find((f) => f.sku === 'P-1-RED' && f.presetId === 'tiny');
    expect(red).toMatchObject({
      file: 'tiny/P-1-RED/P-1-RED-1.jpg',
      channel: 'tiny',
      role: 'main',
      position: 1,
      width: 160,
      height: 160,
      sourceAssetId: assetIds[2],
    });
    expect(red?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const csv = await readFile(join(out, 'tiny-images.csv'), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Handle,Image Src,Image Position,Image Alt Text');
    expect(lines).toContain(
      'p-1,https://cdn.example.com/pack/tiny/P-1/P-1-2.jpg,2,Parent (gallery)',
    );
  });

  it('keeps every hostile SKU inside the pack, sanitised, and resolves collisions the same way every run', async () => {
    const root = await realpath(out);
    const m = await manifestOf(out);
    for (const f of m.files) {
      const abs = await realpath(join(out, ...f.file.split('/')));
      expect(abs.startsWith(root + sep), f.file).toBe(true);
      for (const part of f.file.split('/')) {
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
        expect(part).not.toMatch(/^(\.\.?|con|nul)$/i);
      }
    }
    const bySku = (sku: string) =>
      m.files.find((f) => f.sku === sku && f.presetId === 'tiny')?.file;
    expect(bySku('CON')).toBe('tiny/_CON/CON-1.jpg');
    expect(bySku('../../etc/passwd')).toBe('tiny/_.._etc_passwd/_.._etc_passwd-1.jpg');
    expect(bySku('Sneaker 👟 Ünïcødé')).toBe('tiny/Sneaker 👟 Ünïcødé/Sneaker 👟 Ünïcødé-1.jpg');
    // 'a/b' and 'a:b' both sanitise to 'a_b': the first in SKU order keeps the name.
    expect(bySku('a/b')).toBe('tiny/a_b/a_b-1.jpg');
    expect(bySku('a:b')).toBe('tiny/a_b/a_b-1-2.jpg');
    // A fresh pack names them the same.
    const again = await tempDir('pack-again');
    try {
      await run(again, ['tiny']);
      const m2 = await manifestOf(again);
      const names = (x: PackManifest) =>
        x.files
          .filter((f) => f.presetId === 'tiny')
          .map((f) => `${f.sku}→${f.file}`)
          .sort();
      expect(names(m2)).toEqual(names(m));
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('a second run renders nothing and writes nothing', async () => {
    const before = await statAll(out);
    const s = await run(out, ['tiny', 'tiny-webp'], { baseUrl: 'https://cdn.example.com/pack/' });
    expect(s).toMatchObject({ rendered: 0, removed: 0, bytesWritten: 0 });
    expect(s.unchanged).toBe(2 * (HOSTILE.length + 3));
    expect(await statAll(out)).toEqual(before);
  });

  it('a preset edit re-renders only that preset', async () => {
    const before = await statAll(out);
    await h.call('presets.save', {
      id: 'tiny',
      preset: tinyPreset({ renditions: [{ ...tinyPreset().renditions[0]!, quality: 60 }] }),
    });
    const s = await run(out, ['tiny', 'tiny-webp']);
    expect(s.rendered).toBe(HOSTILE.length + 3);
    expect(s.unchanged).toBe(HOSTILE.length + 3);
    const after = await statAll(out);
    for (const [file, st] of Object.entries(after)) {
      if (file.startsWith('tinyweb/')) expect(st, file).toEqual(before[file]);
      if (file.startsWith('tiny/')) expect(st, file).not.toEqual(before[file]);
    }
    const m = await manifestOf(out);
    const version = (await h.call('presets.get', { id: 'tiny' })).version;
    expect(
      m.files.filter((f) => f.presetId === 'tiny').every((f) => f.presetVersion === version),
    ).toBe(true);
  });

  it('a focal point re-renders only that asset', async () => {
    const asset = assetIds[0] ?? 0;
    const before = await statAll(out);
    expect(await h.call('renditions.setFocus', { assetId: asset, x: 0, y: 0.5 })).toEqual({
      assetId: asset,
      x: 0,
      y: 0.5,
    });
    const s = await run(out, ['tiny', 'tiny-webp']);
    // tiny covers (the crop moves); tiny-webp fits inside (no crop), but its options
    // carry the focus too, so both re-render for that one asset.
    expect(s.rendered).toBe(2);
    const after = await statAll(out);
    const changed = Object.keys(after).filter(
      (f) => JSON.stringify(after[f]) !== JSON.stringify(before[f]),
    );
    expect(changed.sort()).toEqual(
      ['tiny/P-1/P-1-1.jpg', 'tinyweb/P-1/P-1-1.webp', 'manifest.json'].sort(),
    );
  });

  it('removes only its own files that no longer belong', async () => {
    await writeFile(join(out, 'tiny', 'P-1', 'notes.txt'), 'mine');
    // The user edits one of the pack's files: it is theirs now.
    await appendFile(join(out, 'tiny', 'P-1-RED', 'P-1-RED-1.jpg'), Buffer.from([0]));
    unlink(ids.get('P-1') ?? 0, assetIds[1] ?? 0); // the gallery image
    unlink(ids.get('P-1-RED') ?? 0, assetIds[2] ?? 0);
    const s = await run(out, ['tiny']);
    expect(s.removed).toBe(1);
    const files = await listFiles(out);
    expect(files).not.toContain('tiny/P-1/P-1-2.jpg');
    expect(files).toContain('tiny/P-1/notes.txt');
    expect(files).toContain('tiny/P-1-RED/P-1-RED-1.jpg');
    // The other preset's files are not this run's business.
    expect(files).toContain('tinyweb/P-1/P-1-2.webp');
    const m = await manifestOf(out);
    expect(m.files.some((f) => f.file === 'tiny/P-1-RED/P-1-RED-1.jpg')).toBe(false);
    expect(files.some((f) => f.includes('.packshot-tmp') || f.includes('journal'))).toBe(false);
  });

  it('never overwrites a file the pack did not write', async () => {
    const other = await tempDir('pack-theirs');
    try {
      await writeFile(join(other, 'mine.txt'), 'x');

      await mkdir(join(other, 'tiny', 'P-1'), { recursive: true });
      await writeFile(join(other, 'tiny', 'P-1', 'P-1-1.jpg'), 'not ours');
      const s = await run(other, ['tiny']);
      expect(s.failed).toBe(1);
      expect(s.errors[0]?.reason).toMatch(/did not write/);
      expect(await readFile(join(other, 'tiny', 'P-1', 'P-1-1.jpg'), 'utf8')).toBe('not ours');
      expect(await readFile(join(other, 'mine.txt'), 'utf8')).toBe('x');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('a query limits the run, and removal, to the products it finds', async () => {
    const s = await run(out, ['tinyweb'], { query: 'Hostile' });
    expect(s.products).toBe(HOSTILE.length);
    expect(s.removed).toBe(0);
    expect(await lstat(join(out, 'tinyweb', 'P-1', 'P-1-2.webp'))).toBeTruthy();
  });
});

function unlink(productId: number, assetId: number): void {
  const db = new Database(join(h.dataDir, 'packshot.db'));
  try {
    db.prepare('DELETE FROM product_links WHERE product_id = ? AND asset_id = ?').run(
      productId,
      assetId,
    );
  } finally {
    db.close();
  }
}

async function statAll(
  dir: string,
): Promise<Record<string, { mtimeMs: number; ino: number; size: number }>> {
  const out: Record<string, { mtimeMs: number; ino: number; size: number }> = {};
  for (const f of await listFiles(dir)) {
    const s = await stat(join(dir, ...f.split('/')));
    out[f] = { mtimeMs: s.mtimeMs, ino: s.ino, size: s.size };
  }
  return out;
}
