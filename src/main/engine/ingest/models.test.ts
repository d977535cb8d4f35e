// 3D models through the real engine: a scan reads each model's facts, draws its thumbnail,
// and gives a cut, broken or hostile model its error while the rest index. The last test
// runs the built `packshot scan`, where models are read on worker threads.
import { spawnSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packshotBin, runPackshot } from '../../test-support/run-cli';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { createModelIO } from '../tools/gltf/read-model';
import { ASSIMP_GLTF, hasAssimpModels, writeCubeGlb } from '../../test-support/sample-models';

/** What `assets --json` prints of an asset. */
interface CliAsset {
  path: string;
  state: string;
  format: string | null;
  thumbnail: string;
  error: string | null;
}

let h: Harness;
let folder: string;

beforeAll(async () => {
  folder = await tempDir('models');
  const cube = await writeCubeGlb(join(folder, 'cube.glb'), 0.2);
  await writeFile(join(folder, 'cut.glb'), cube.subarray(0, cube.byteLength - 100));
  await writeFile(
    join(folder, 'evil.gltf'),
    JSON.stringify({
      asset: { version: '2.0' },
      buffers: [{ uri: '../../etc/passwd', byteLength: 9 }],
    }),
  );
  await writeFile(
    join(folder, 'part.obj'),
    'o part\nv 0 0 0\nv 1 0 0\nv 1 2 0\nv 0 2 0\nf 1 2 3 4\n',
  );
  await writeFile(join(folder, 'shoe.jpg'), await makeImage(320, 240, 'jpeg', 1));
  if (hasAssimpModels) {
    await cp(join(ASSIMP_GLTF, 'BoxTextured-glTF'), join(folder, 'external'), { recursive: true });
    await cp(join(ASSIMP_GLTF, 'draco'), join(folder, 'draco'), { recursive: true });
  }
  if (hasAssimpModels)
    await cp(join(ASSIMP_GLTF, 'MissingBin'), join(folder, 'MissingBin'), { recursive: true });
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 300_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('3D models', () => {
  it('a GLB: its facts, a thumbnail of the model, state ok', async () => {
    const asset = await h.byName('cube.glb');
    expect(asset).toMatchObject({ kind: 'model', format: 'glb', state: 'ok', error: null });
    const detail = await h.call('assets.get', { id: asset.id });
    expect(detail.facts).toMatchObject({ meshes: 1, triangles: 12, materials: 1, textures: 0 });
    expect(detail.facts?.detail['sizeMetres']).toEqual({ x: 0.2, y: 0.2, z: 0.2 });
    expect(asset.thumb).toBe('ready');
    const hash = asset.hash ?? '';
    // The thumbnail shows a red object on the light background.
    const { data, info } = await sharp(
      join(h.dataDir, 'cache', 'thumbs', hash.slice(0, 2), `${hash}.webp`),
    )
      .raw()
      .toBuffer({ resolveWithObject: true });
    const centre =
      (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
    expect(data[centre]).toBeGreaterThan((data[centre + 1] ?? 0) + 40);
    const corner = 0;
    expect(Math.abs((data[corner] ?? 0) - (data[corner + 1] ?? 0))).toBeLessThan(10);
  });

  it('a cut GLB, a glTF reaching outside its folder: errors on them, the rest indexed', async () => {
    expect(await h.byName('cut.glb')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/the GLB is cut/) as unknown,
    });
    expect(await h.byName('evil.gltf')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/outside its folder/) as unknown,
    });
    expect((await h.byName('shoe.jpg')).state).toBe('ok');
  });

  it('an OBJ is catalogued with counts and bounds', async () => {
    const asset = await h.byName('part.obj');
    const detail = await h.call('assets.get', { id: asset.id });
    expect(detail.facts).toMatchObject({
      meshes: 1,
      triangles: 2,
      detail: { vertices: 4, faces: 1 },
    });
    expect(asset.notice).toMatch(/no thumbnail/);
  });

  it.skipIf(!hasAssimpModels)(
    'assimp MissingBin: the missing buffer named (needs assimp-testmodels)',
    async () => {
      const asset = (await h.all()).find((a) => a.path.includes('MissingBin'));
      expect(asset).toMatchObject({
        state: 'error',
        error: expect.stringMatching(/BoxTextured0\.bin is missing/) as unknown,
      });
    },
  );
});

describe('the model served to the loupe viewer', () => {
  it('a plain GLB is served as its own file; an unknown hash is not served', async () => {
    const cube = await h.byName('cube.glb');
    expect(await h.engine.mediaFile('model', cube.hash ?? '')).toBe(join(folder, 'cube.glb'));
    expect(await h.engine.mediaFile('model', 'a'.repeat(64))).toBeNull();
    const shoe = await h.byName('shoe.jpg');
    expect(await h.engine.mediaFile('model', shoe.hash ?? '')).toBeNull();
  });

  it.skipIf(!hasAssimpModels)(
    'a .gltf with external files, a Draco one: packed as one plain GLB (needs assimp-testmodels)',
    async () => {
      const io = await createModelIO();
      for (const name of ['BoxTextured.gltf', '2CylinderEngine.gltf']) {
        const asset = (await h.all()).find(
          (a) =>
            a.name === name && a.path.includes(name === 'BoxTextured.gltf' ? 'external' : 'draco'),
        );
        const served = await h.engine.mediaFile('model', asset?.hash ?? '');
        expect(served, name).toMatch(/\.glb$/);
        const glb = new Uint8Array(await readFile(served ?? ''));
        const doc = await io.readBinary(glb);
        expect(
          doc
            .getRoot()
            .listExtensionsUsed()
            .map((e) => e.extensionName),
        ).not.toContain('KHR_draco_mesh_compression');
        expect(doc.getRoot().listMeshes().length).toBeGreaterThan(0);
        // Asked again: the cached GLB, not a second pack.
        expect(await h.engine.mediaFile('model', asset?.hash ?? '')).toBe(served);
      }
    },
  );
});

describe('3D models in the built command line (worker threads)', () => {
  it('`packshot scan` reads a GLB and a cut one in its model worker', async () => {
    const dataDir = await tempDir('models-cli');
    const models = await tempDir('models-cli-files');
    const cube = await writeCubeGlb(join(models, 'cube.glb'));
    await writeFile(join(models, 'cut.glb'), cube.subarray(0, 200));
    expect(runPackshot(dataDir, ['catalog', 'add', models]).status).toBe(0);
    expect(runPackshot(dataDir, ['scan']).status).toBe(0);
    const listed = JSON.parse(runPackshot(dataDir, ['assets', '--json']).stdout) as CliAsset[];
    const byName = (name: string): CliAsset | undefined =>
      listed.find((a) => a.path.endsWith(name));
    expect(byName('cube.glb')).toMatchObject({ state: 'ok', format: 'glb', thumbnail: 'ready' });
    expect(byName('cut.glb')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/the GLB is cut/) as unknown,
    });
    // A model past its time limit: the worker is stopped and the asset says so.
    const slowData = await tempDir('models-cli-slow');
    const env = { ...process.env, PACKSHOT_DATA: '', PACKSHOT_MODEL_TIMEOUT_MS: '1' };
    const cli = (args: string[]): string =>
      spawnSync(process.execPath, [packshotBin, '--data', slowData, ...args], {
        env,
        encoding: 'utf8',
      }).stdout;
    cli(['catalog', 'add', models]);
    cli(['scan']);
    const slow = (JSON.parse(cli(['assets', '--json'])) as CliAsset[]).find((a) =>
      a.path.endsWith('cube.glb'),
    );
    expect(slow).toMatchObject({
      state: 'error',
      error: 'reading the model took over 1 ms and was stopped',
    });
    for (const dir of [dataDir, slowData, models]) await rm(dir, { recursive: true, force: true });
  }, 300_000);
});
