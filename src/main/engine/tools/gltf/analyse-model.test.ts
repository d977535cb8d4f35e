import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSIMP_GLTF, hasAssimpModels, writeCubeGlb } from '../../../test-support/sample-models';
import { tempDir } from '../../../test-support/sample-images';
import { analyseModel } from './analyse-model';
import { BACKGROUND } from './rasterise';

const skipNoAssimp = !hasAssimpModels;
const NO_ASSIMP = '(needs assimp-testmodels)';

function objectPixels(px: { data: Uint8Array; width: number; height: number }): number {
  let n = 0;
  for (let i = 0; i < px.width * px.height; i++) {
    if (
      px.data[i * 4] !== BACKGROUND[0] ||
      px.data[i * 4 + 1] !== BACKGROUND[1] ||
      px.data[i * 4 + 2] !== BACKGROUND[2]
    )
      n++;
  }
  return n;
}

describe('analyseModel (glTF)', () => {
  it('a cube GLB built here: 12 triangles, 0.2 m each way, drawn', async () => {
    const dir = await tempDir('model-cube');
    const path = join(dir, 'cube.glb');
    await writeCubeGlb(path, 0.2);
    const read = await analyseModel(path);
    expect(read.error).toBeNull();
    expect(read.format).toBe('glb');
    expect(read.facts).toMatchObject({ meshes: 1, triangles: 12, materials: 1, textures: 0 });
    expect(read.facts?.author).toBe('packshot test');
    const size = read.facts?.detail['sizeMetres'] as { x: number; y: number; z: number };
    expect(size.x).toBeCloseTo(0.2, 5);
    expect(size.y).toBeCloseTo(0.2, 5);
    expect(size.z).toBeCloseTo(0.2, 5);
    expect((read.facts?.detail['validation'] as { errors: number }).errors).toBe(0);
    const px = read.pixels;
    expect(px).not.toBeNull();
    if (!px) return;
    expect([px.width, px.height]).toEqual([1024, 1024]);
    // The cube fills a good part of the frame and is red-ish where drawn.
    expect(objectPixels(px)).toBeGreaterThan(px.width * px.height * 0.2);
    const centre = ((px.height / 2) * px.width + px.width / 2) * 4;
    expect(px.data[centre]).toBeGreaterThan((px.data[centre + 1] ?? 0) + 40);
  });

  it.skipIf(skipNoAssimp)(
    `BoxTextured GLB: 12 triangles, 1 mesh, 1 material, 1 texture ${NO_ASSIMP}`,
    async () => {
      const read = await analyseModel(join(ASSIMP_GLTF, 'BoxTextured-glTF-Binary/BoxTextured.glb'));
      expect(read.error).toBeNull();
      expect(read.facts).toMatchObject({ meshes: 1, triangles: 12, materials: 1, textures: 1 });
      const textures = read.facts?.detail['textureList'] as { width: number; height: number }[];
      expect(textures[0]).toMatchObject({ width: 211, height: 211, mimeType: 'image/png' });
      const validation = read.facts?.detail['validation'] as {
        errors: number;
        messages: { code: string }[];
      };
      expect(validation.messages.map((m) => m.code)).toContain('IMAGE_NPOT_DIMENSIONS');
      expect(read.notice).toMatch(/no textures/);
      expect(read.pixels && objectPixels(read.pixels)).toBeGreaterThan(1000);
    },
  );

  it.skipIf(skipNoAssimp)(
    `the glTF with external .bin and texture reads them from its folder ${NO_ASSIMP}`,
    async () => {
      const read = await analyseModel(join(ASSIMP_GLTF, 'BoxTextured-glTF/BoxTextured.gltf'));
      expect(read.error).toBeNull();
      expect(read.format).toBe('gltf');
      expect(read.facts?.triangles).toBe(12);
      expect(read.facts?.detail['externalBytes']).toBe(840 + 2433);
    },
  );

  it.skipIf(skipNoAssimp)(`2CylinderEngine: many meshes, drawn ${NO_ASSIMP}`, async () => {
    const read = await analyseModel(
      join(ASSIMP_GLTF, '2CylinderEngine-glTF-Binary/2CylinderEngine.glb'),
    );
    expect(read.error).toBeNull();
    expect(read.facts?.meshes).toBeGreaterThan(10);
    expect(read.facts?.triangles).toBeGreaterThan(10_000);
    expect(read.pixels && objectPixels(read.pixels)).toBeGreaterThan(10_000);
  });

  it.skipIf(skipNoAssimp)(
    `broken models get the validator's words as their error ${NO_ASSIMP}`,
    async () => {
      const cases: [string, RegExp][] = [
        ['MissingBin/BoxTextured.gltf', /BoxTextured0\.bin is missing/],
        ['IndexOutOfRange/IndexOutOfRange.gltf', /ACCESSOR_INDEX_OOB/],
        ['SchemaFailures/sceneWrongType.gltf', /missing|TYPE_MISMATCH/],
        ['BoxWithInfinites-glTF-Binary/BoxWithInfinites.glb', /glTF validator: \d+ errors/],
        ['RecursiveNodes/RecursiveNodes.gltf', /NODE_LOOP|loop|error/i],
      ];
      for (const [file, message] of cases) {
        const read = await analyseModel(join(ASSIMP_GLTF, file));
        expect(read.error, file).toMatch(message);
      }
    },
  );
});

describe('analyseModel (hostile and cut files)', () => {
  it('a GLB cut short is an error naming the cut, never a crash', async () => {
    const dir = await tempDir('model-cut');
    const whole = await writeCubeGlb(join(dir, 'whole.glb'));
    const path = join(dir, 'cut.glb');
    await writeFile(path, whole.subarray(0, Math.floor(whole.byteLength * 0.7)));
    const read = await analyseModel(path);
    expect(read.error).toMatch(/the GLB is cut/);
    expect(read.pixels).toBeNull();
    expect((read.facts?.detail['validation'] as { errors: number }).errors).toBeGreaterThan(0);
  });

  it('a glTF whose uri leaves its folder reads nothing outside', async () => {
    const dir = await tempDir('model-hostile');
    const inner = join(dir, 'inner');
    await mkdir(inner);
    await writeFile(join(dir, 'secret.bin'), Buffer.alloc(64, 7));
    const uris = [
      '../secret.bin',
      '../../../../../../etc/passwd',
      '/etc/passwd',
      'file:///etc/passwd',
      '%2e%2e/secret.bin',
    ];
    for (const uri of uris) {
      const gltf = { asset: { version: '2.0' }, buffers: [{ uri, byteLength: 64 }] };
      const path = join(inner, 'evil.gltf');
      await writeFile(path, JSON.stringify(gltf));
      const read = await analyseModel(path);
      expect(read.error, uri).toMatch(/outside its folder/);
    }
    // A symlink inside the folder that points out of it is refused too.
    await symlink(join(dir, 'secret.bin'), join(inner, 'link.bin'));
    await writeFile(
      join(inner, 'link.gltf'),
      JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'link.bin', byteLength: 64 }] }),
    );
    expect((await analyseModel(join(inner, 'link.gltf'))).error).toMatch(/outside its folder/);
    // A data: URI is inside the file, so it reads.
    const data = `data:application/octet-stream;base64,${Buffer.alloc(12).toString('base64')}`;
    await writeFile(
      join(inner, 'ok.gltf'),
      JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: data, byteLength: 12 }] }),
    );
    const ok = await analyseModel(join(inner, 'ok.gltf'));
    expect(ok.error).toBeNull();
    expect(ok.notice).toMatch(/no triangles/);
  });

  it('a file that is not glTF at all is an error', async () => {
    const dir = await tempDir('model-junk');
    await writeFile(join(dir, 'junk.gltf'), 'not json {');
    expect((await analyseModel(join(dir, 'junk.gltf'))).error).toMatch(/does not parse|JSON/);
    expect(await readFile(join(dir, 'junk.gltf'), 'utf8')).toBe('not json {');
  });
});
