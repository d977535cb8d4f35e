// 3D models through a channel pack: pre-flight on their facts, a GLB capped to the preset's
// texture size with its USDZ beside it, a model over the triangle budget simplified, a
// passing GLB copied byte for byte, a no-op re-export, a broken model failing alone, and a
// user's file in the way left as it is.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary, ModelRules, PackManifest } from '../../../shared/export-dto';
import { emptyFacts } from '../../../shared/media-facts';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { packshotBin, runPackshot } from '../../test-support/run-cli';
import { makeCubeGlb, makeGridGlb, writeCubeGltf } from '../../test-support/model-export-fixtures';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
import { modelIO, readModel } from '../tools/model-pack/model-io';
import { USDZ_ALIGN, usdzEntries } from '../tools/model-pack/usdz-zip';

const BOX = '/usr/share/assimp/models/glTF2/BoxTextured-glTF-Binary/BoxTextured.glb';
const HAS_BOX = existsSync(BOX);

const MODEL: ModelRules = {
  formats: ['glb', 'usdz'],
  maxBytes: 50_000_000,
  targetBytes: null,
  maxTriangles: 500,
  recommendedTriangles: null,
  maxTextureSize: 1024,
  texturePowerOfTwo: false,
  compression: 'draco',
  notes: '',
};

/** What `assets --json` prints of an asset (what these tests read of it). */
interface CliAsset {
  id: number;
  path: string;
}

let h: Harness;
let catalog: string;
const products = new Map<string, number>();

async function run(out: string, productIds: number[]): Promise<ExportSummary> {
  const job = await h.call('exports.start', { channels: ['tiny-3d'], out, productIds });
  return h.call('exports.wait', { jobId: job.jobId });
}

async function manifestOf(out: string): Promise<PackManifest> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
}

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('models');
  const box = HAS_BOX ? await readFile(BOX) : await makeCubeGlb(64);
  await writeFile(join(catalog, 'cube.glb'), await makeCubeGlb(2048));
  await writeFile(join(catalog, 'grid.glb'), await makeGridGlb(40));
  await writeFile(join(catalog, 'box.glb'), box);
  await writeFile(join(catalog, 'broken.glb'), box.subarray(0, Math.floor(box.length / 2)));
  await writeFile(join(catalog, 'photo.jpg'), await makeImage(400, 300, 'jpeg'));
  await mkdir(join(catalog, 'leak'));
  await writeCubeGltf(join(catalog, 'leak'), 'leak', 'textures/a.png');
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  // Indexed with its own texture; then the texture becomes a link to a file outside.
  const secret = join(await tempDir('models-secret'), 'id_rsa');
  await writeFile(secret, await makeImage(8, 8, 'png', 2));
  await rm(join(catalog, 'leak/textures/a.png'));
  await symlink(secret, join(catalog, 'leak/textures/a.png'));
  const id = async (name: string): Promise<number> => (await h.byName(name)).id;
  // The model reader is another part of #15: facts are written as it will write them.
  const db = new Database(join(h.dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  const facts = new MediaFactsRepo(db);
  const hashOf = (asset: number): string =>
    (db.prepare('SELECT hash FROM assets WHERE id = ?').get(asset) as { hash: string }).hash;
  const cube = await id('cube.glb');
  const grid = await id('grid.glb');
  facts.replace(
    cube,
    hashOf(cube),
    { ...emptyFacts(), triangles: 12, detail: { textureList: [{ width: 2048, height: 2048 }] } },
    null,
  );
  facts.replace(grid, hashOf(grid), { ...emptyFacts(), triangles: 3200 }, null);
  db.close();
  for (const [sku, pid] of seedProducts(h.dataDir, [
    {
      sku: 'CUBE',
      links: [
        { assetId: await id('photo.jpg'), role: 'main' },
        { assetId: cube, role: 'model' },
      ],
    },
    { sku: 'GRID', links: [{ assetId: grid, role: 'model' }] },
    { sku: 'BOX', links: [{ assetId: await id('box.glb'), role: 'model' }] },
    { sku: 'BROKEN', links: [{ assetId: await id('broken.glb'), role: 'model' }] },
    { sku: 'LEAK', links: [{ assetId: await id('leak.gltf'), role: 'model' }] },
    { sku: 'PHOTO-AS-MODEL', links: [{ assetId: await id('photo.jpg'), role: 'model' }] },
    { sku: 'PHOTO-ONLY', links: [{ assetId: await id('photo.jpg'), role: 'main' }] },
  ]))
    products.set(sku, pid);
  const preset = tinyPreset({ name: 'Tiny 3D', roles: ['main', 'model'], model: MODEL });
  await h.call('presets.save', { id: 'tiny-3d', preset });
  const small = {
    ...MODEL,
    formats: ['glb' as const],
    maxBytes: 1024,
    compression: 'none' as const,
  };
  await h.call('presets.save', { id: 'tiny-3d-small', preset: { ...preset, model: small } });
  const target = { ...small, maxBytes: null, targetBytes: 1024 };
  await h.call('presets.save', { id: 'tiny-3d-target', preset: { ...preset, model: target } });
}, 60_000);

afterAll(async () => {
  await h.dispose();
});

const ids = (...skus: string[]): number[] => skus.map((s) => products.get(s) ?? 0);

describe('3D models in a channel pack', () => {
  it('pre-flight says what export will fix and what it cannot', async () => {
    const report = await h.call('exports.check', {
      channels: ['tiny-3d'],
      productIds: ids('CUBE', 'GRID', 'PHOTO-AS-MODEL'),
    });
    const of = (sku: string, role: string) =>
      report.items.find((i) => i.sku === sku && i.role === role);
    expect(of('CUBE', 'model')?.checks).toContainEqual({
      check: 'texture-size',
      level: 'warn',
      reason: 'textures up to 2048 px; will be resized to 1024 px',
    });
    expect(of('CUBE', 'model')?.position).toBe(2); // after the photo
    expect(of('GRID', 'model')?.checks.map((c) => c.reason)).toContain(
      '3,200 triangles; will be simplified to the budget of 500',
    );
    expect(of('PHOTO-AS-MODEL', 'model')).toMatchObject({
      level: 'fail',
      checks: [{ check: 'source', level: 'fail', reason: 'not a 3D model (its kind is image)' }],
    });
  });

  it('leaves a product with no model out of a model-only preset (amazon-3d)', async () => {
    const report = await h.call('exports.check', {
      channels: ['amazon-3d'],
      productIds: ids('CUBE', 'PHOTO-ONLY'),
    });
    expect(report.items.map((i) => [i.sku, i.role, i.level])).toEqual([['CUBE', 'model', 'pass']]);
  });

  it('writes each GLB within the rules with its USDZ beside it, and a re-export touches nothing', async () => {
    const out = await tempDir('pack-3d');
    const summary = await run(out, ids('CUBE', 'GRID', 'BOX'));
    expect(summary.errors).toEqual([]);
    expect(summary.rendered).toBe(7); // the photo, and a GLB and a USDZ for each model

    const cubeGlb = await readModel('x.glb', await readFile(join(out, 'tiny/CUBE/CUBE-2.glb')));
    const image = cubeGlb.getRoot().listTextures()[0]?.getImage() ?? new Uint8Array();
    const meta = await sharp(Buffer.from(image)).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 1024]);
    for (const sku of ['CUBE-2', 'GRID-1', 'BOX-1']) {
      const dir = join(out, 'tiny', sku.replace(/-\d$/, ''));
      const entries = usdzEntries(await readFile(join(dir, `${sku}.usdz`)));
      expect(entries[0]?.name).toBe('model.usda');
      expect(entries.every((e) => e.offset % USDZ_ALIGN === 0 && e.method === 0)).toBe(true);
    }
    if (HAS_BOX)
      expect((await readFile(join(out, 'tiny/BOX/BOX-1.glb'))).equals(await readFile(BOX))).toBe(
        true,
      );

    const manifest = await manifestOf(out);
    const grid = manifest.files.find((f) => f.file === 'tiny/GRID/GRID-1.glb');
    expect(grid?.triangles).toBeLessThanOrEqual(500);
    expect(grid?.bytes).toBe((await stat(join(out, 'tiny/GRID/GRID-1.glb'))).size);
    expect(manifest.files.find((f) => f.file === 'tiny/CUBE/CUBE-2.usdz')).toMatchObject({
      triangles: 12,
      role: 'model',
      width: 0,
    });
    expect(await readFile(join(out, 'tiny-3d-images.csv'), 'utf8')).not.toMatch(/\.glb|\.usdz/);

    const before = await Promise.all(manifest.files.map((f) => stat(join(out, f.file))));
    const manifestBefore = await stat(join(out, 'manifest.json'));
    const again = await run(out, ids('CUBE', 'GRID', 'BOX'));
    expect([again.rendered, again.unchanged, again.bytesWritten]).toEqual([0, 7, 0]);
    const after = await Promise.all(manifest.files.map((f) => stat(join(out, f.file))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    expect((await stat(join(out, 'manifest.json'))).mtimeMs).toBe(manifestBefore.mtimeMs);
  });

  it('does not write a GLB that optimising cannot bring under the limit', async () => {
    const out = await tempDir('pack-3d-small');
    const job = await h.call('exports.start', {
      channels: ['tiny-3d-small'],
      out,
      productIds: ids('GRID'),
    });
    const summary = await h.call('exports.wait', { jobId: job.jobId });
    expect(summary.errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/^not written: \d+ bytes is over the limit of 1024$/),
    ]);
    expect(existsSync(join(out, 'tiny/GRID/GRID-1.glb'))).toBe(false);
    // Pre-flight had said it would try.
    const report = await h.call('exports.check', {
      channels: ['tiny-3d-small'],
      productIds: ids('GRID'),
    });
    expect(report.items[0]?.checks.map((c) => `${c.level} ${c.reason}`)).toContainEqual(
      expect.stringMatching(
        /^warn \d+ KB; will be optimised toward 1 KB \(compression, smaller textures\)$/,
      ),
    );
  });

  it('writes a GLB that misses its size target, saying so in the manifest', async () => {
    const out = await tempDir('pack-3d-target');
    const job = await h.call('exports.start', {
      channels: ['tiny-3d-target'],
      out,
      productIds: ids('GRID'),
    });
    expect((await h.call('exports.wait', { jobId: job.jobId })).errors).toEqual([]);
    const glb = (await manifestOf(out)).files.find((f) => f.file === 'tiny/GRID/GRID-1.glb');
    expect(glb?.warnings).toContainEqual(
      expect.stringMatching(/^size target: \d+ KB after optimising; the size target is 1 KB$/),
    );
  });

  it('fails a broken model alone and leaves a file the user made where it is', async () => {
    const out = await tempDir('pack-3d-bad');
    await mkdir(join(out, 'tiny/CUBE'), { recursive: true });
    await writeFile(join(out, 'tiny/CUBE/CUBE-2.usdz'), 'mine');
    const summary = await run(out, ids('CUBE', 'BROKEN'));
    const reasons = summary.errors.map((e) => `${e.file}: ${e.reason}`);
    expect(reasons).toHaveLength(3);
    expect(reasons.filter((r) => r.startsWith('tiny/BROKEN/BROKEN-1.'))).toHaveLength(2);
    expect(reasons.join('\n')).toMatch(
      /BROKEN-1\.glb: not a readable glTF model: the GLB is cut short/,
    );
    expect(reasons.join('\n')).toMatch(/CUBE-2\.usdz: .*is in the way/);
    expect(await readFile(join(out, 'tiny/CUBE/CUBE-2.usdz'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'tiny/CUBE/CUBE-2.glb'))).toBe(true);
    expect(summary.failed).toBe(3);
  });

  it('refuses a .gltf whose texture links out of its folder, that model alone', async () => {
    const out = await tempDir('pack-3d-leak');
    const summary = await run(out, ids('LEAK', 'BOX'));
    expect(summary.errors.map((e) => `${e.file}: ${e.reason}`)).toEqual(
      ['glb', 'usdz'].map(
        (ext) =>
          `tiny/LEAK/LEAK-1.${ext}: not a readable glTF model: ` +
          'the model names a file outside its folder: textures/a.png',
      ),
    );
    expect(existsSync(join(out, 'tiny/LEAK'))).toBe(false);
    expect(existsSync(join(out, 'tiny/BOX/BOX-1.glb'))).toBe(true);
    expect(existsSync(join(out, 'tiny/BOX/BOX-1.usdz'))).toBe(true);
  });
});

describe('3D export in the built command line (model worker threads)', () => {
  it('`packshot export` packs a GLB and a .gltf in its model worker, and stops one past its limit', async () => {
    const dataDir = await tempDir('models-cli-data');
    const models = await tempDir('models-cli-export');
    await writeFile(join(models, 'cube.glb'), await makeCubeGlb(64));
    await writeCubeGltf(models, 'boxy', 'tex/a.png');
    expect(runPackshot(dataDir, ['catalog', 'add', models]).status).toBe(0);
    const rows = JSON.parse(runPackshot(dataDir, ['assets', '--json']).stdout) as CliAsset[];
    const id = (name: string): number => rows.find((r) => r.path.endsWith(name))?.id ?? 0;
    seedProducts(dataDir, [
      { sku: 'CUBE', links: [{ assetId: id('cube.glb'), role: 'model' }] },
      { sku: 'BOXY', links: [{ assetId: id('boxy.gltf'), role: 'model' }] },
    ]);
    const exportTo = (out: string, env: NodeJS.ProcessEnv = {}) =>
      spawnSync(
        process.execPath,
        [packshotBin, '--data', dataDir, 'export', '--channel', 'amazon-3d', '--out', out],
        { env: { ...process.env, PACKSHOT_DATA: '', ...env }, encoding: 'utf8' },
      );
    const out = await tempDir('models-cli-out');
    expect(exportTo(out).status).toBe(0);
    const io = await modelIO();
    for (const file of ['amazon/CUBE/CUBE.3D.glb', 'amazon/BOXY/BOXY.3D.glb']) {
      const doc = await io.readBinary(new Uint8Array(await readFile(join(out, file))));
      expect(doc.getRoot().listTextures(), file).toHaveLength(1);
    }
    const manifest = await manifestOf(out);
    expect(manifest.files.map((f) => [f.file, f.triangles])).toEqual([
      ['amazon/BOXY/BOXY.3D.glb', 12],
      ['amazon/CUBE/CUBE.3D.glb', 12],
    ]);

    const slow = await tempDir('models-cli-slow');
    const stopped = exportTo(slow, { PACKSHOT_MODEL_EXPORT_TIMEOUT_MS: '1' });
    expect(stopped.stdout + stopped.stderr).toContain(
      'CUBE amazon-3d amazon/CUBE/CUBE.3D.glb: packing the model took over 1 ms and was stopped',
    );
    expect((await manifestOf(slow)).files).toEqual([]);
    for (const dir of [dataDir, models, out, slow]) await rm(dir, { recursive: true, force: true });
  }, 300_000);
});
