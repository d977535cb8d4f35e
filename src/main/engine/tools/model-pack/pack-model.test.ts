// The model pipeline on real bytes: a cube with a 2048 px texture capped at 1024, the USDZ
// beside it (stored, 64-byte aligned entries, a stage with the expected prims), a copy when
// nothing needs doing, simplification to a triangle budget, compression toward a size
// target, assimp's BoxTextured, and broken models.
import { existsSync } from 'node:fs';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ModelRules } from '../../../../shared/export-dto';
import {
  makeCubeGlb,
  makeGridGlb,
  parseUsda,
  writeCubeGltf,
} from '../../../test-support/model-export-fixtures';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { modelIO, readModel } from './model-io';
import { modelStats } from './model-stats';
import { packModel } from './pack-model';
import { textureTarget } from './model-textures';
import { USDZ_ALIGN, usdzEntries } from './usdz-zip';

const RULES: ModelRules = {
  formats: ['glb', 'usdz'],
  maxBytes: null,
  targetBytes: null,
  maxTriangles: null,
  recommendedTriangles: null,
  maxTextureSize: null,
  texturePowerOfTwo: false,
  compression: 'draco',
  notes: '',
};
const ASSIMP = '/usr/share/assimp/models/glTF2';
const BOX = `${ASSIMP}/BoxTextured-glTF-Binary/BoxTextured.glb`;

function checkUsdz(zip: Buffer): Record<string, Uint8Array> {
  const entries = usdzEntries(zip);
  expect(entries[0]?.name).toBe('model.usda');
  for (const e of entries) {
    expect(e.method, e.name).toBe(0);
    expect(e.offset % USDZ_ALIGN, e.name).toBe(0);
  }
  const files = unzipSync(zip);
  expect(Object.keys(files).sort()).toEqual(entries.map((e) => e.name).sort());
  return files;
}

describe('packModel', () => {
  it('caps a 2048 px texture at 1024 and writes an aligned USDZ beside it', async () => {
    const source = await makeCubeGlb(2048);
    const packed = await packModel('cube.glb', source, { ...RULES, maxTextureSize: 1024 });
    const doc = await readModel('out.glb', packed.glb.data);
    const [texture] = doc.getRoot().listTextures();
    const meta = await sharp(Buffer.from(texture?.getImage() ?? new Uint8Array())).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 1024]);
    expect(packed.glb.triangles).toBe(12);
    expect(packed.steps).toContain('textures resized to at most 1024 px');

    const files = checkUsdz(packed.usdz?.data ?? Buffer.alloc(0));
    const usda = Buffer.from(files['model.usda'] ?? new Uint8Array()).toString('utf8');
    const { header, prims } = parseUsda(usda);
    expect(header).toMatch(/metersPerUnit = 1/);
    expect(header).toMatch(/upAxis = "Y"/);
    const meshes = prims.filter((p) => p.type === 'Mesh');
    expect(meshes).toHaveLength(1);
    expect(meshes[0]?.arrays).toMatchObject({
      faceVertexCounts: 12,
      faceVertexIndices: 36,
      points: 24,
      normals: 24,
      'primvars:st': 24,
    });
    expect(prims.filter((p) => p.type === 'Material')).toHaveLength(1);
    const shaders = prims.filter((p) => p.type === 'Shader').map((p) => p.path.split('/').pop());
    expect(shaders).toEqual(['Surface', 'R_st', 'T_baseColor']);
    const file = /asset inputs:file = @([^@]+)@/.exec(usda)?.[1] ?? '';
    const inUsdz = await sharp(Buffer.from(files[file] ?? new Uint8Array())).metadata();
    expect([inUsdz.format, inUsdz.width]).toEqual(['png', 1024]);
  });

  it('copies a GLB that meets every rule byte for byte', async () => {
    const source = await makeCubeGlb(64);
    const packed = await packModel('cube.glb', source, {
      ...RULES,
      maxTextureSize: 1024,
      maxBytes: 10e6,
    });
    expect(packed.glb.data.equals(source)).toBe(true);
    expect(packed.steps).toEqual([]);
  });

  it('resizes textures down to powers of two when asked', () => {
    expect(textureTarget(1500, 1000, 1024, true)).toEqual([1024, 512]);
    expect(textureTarget(2048, 1024, 1024, false)).toEqual([1024, 512]);
    expect(textureTarget(300, 200, null, false)).toEqual([300, 200]);
  });

  it('simplifies a model over the triangle budget down to it', async () => {
    const source = await makeGridGlb(40); // 3,200 triangles
    const packed = await packModel('grid.glb', source, {
      ...RULES,
      formats: ['glb'],
      maxTriangles: 500,
    });
    expect(packed.source.triangles).toBe(3200);
    expect(packed.glb.triangles).toBeLessThanOrEqual(500);
    expect(modelStats(await readModel('x.glb', packed.glb.data)).triangles).toBe(
      packed.glb.triangles,
    );
    expect(packed.steps.join()).toMatch(/simplified from 3200 to \d+ triangles/);
    expect(packed.usdz).toBeNull();
    expect(packed.missed).toEqual([]);
  });

  it('compresses toward the size target, and says when it cannot reach it', async () => {
    const source = await makeGridGlb(60); // 7,200 triangles, ~100 KB plain
    const packed = await packModel('grid.glb', source, { ...RULES, targetBytes: 1024 });
    expect(packed.steps).toContain('draco compression');
    expect(packed.glb.data.length).toBeLessThan(source.length / 3);
    expect(packed.missed.join()).toMatch(/after optimising; the size target is 1 KB/);
    const back = await (await modelIO()).readBinary(packed.glb.data);
    expect(
      back
        .getRoot()
        .listExtensionsUsed()
        .map((e) => e.extensionName),
    ).toContain('KHR_draco_mesh_compression');
    expect(modelStats(back).triangles).toBe(7200);
    // The USDZ is made from the uncompressed document.
    const usda = Buffer.from(
      checkUsdz(packed.usdz?.data ?? Buffer.alloc(0))['model.usda'] ?? [],
    ).toString();
    expect(parseUsda(usda).prims.find((p) => p.type === 'Mesh')?.arrays.faceVertexCounts).toBe(
      7200,
    );
  });

  it.skipIf(!existsSync(BOX))(
    'exports assimp BoxTextured (assimp-testmodels not installed)',
    async () => {
      const packed = await packModel(BOX, await readFile(BOX), RULES);
      expect(packed.glb.triangles).toBe(12);
      const files = checkUsdz(packed.usdz?.data ?? Buffer.alloc(0));
      expect(Object.keys(files)).toHaveLength(2); // the stage and its one texture
      const { prims } = parseUsda(Buffer.from(files['model.usda'] ?? []).toString());
      expect(prims.filter((p) => p.type === 'Mesh').map((p) => p.arrays.faceVertexCounts)).toEqual([
        12,
      ]);
    },
  );

  it.skipIf(!existsSync(`${ASSIMP}/BoxTextured-glTF`))(
    'packs a .gltf with external files as one GLB (assimp-testmodels not installed)',
    async () => {
      const gltf = `${ASSIMP}/BoxTextured-glTF/BoxTextured.gltf`;
      const packed = await packModel(gltf, await readFile(gltf), { ...RULES, formats: ['glb'] });
      expect(packed.steps).toContain('packed as GLB');
      expect(packed.glb.data.subarray(0, 4).toString('latin1')).toBe('glTF');
      const back = await readModel('x.glb', packed.glb.data);
      expect(
        back
          .getRoot()
          .listTextures()
          .map((t) => t.getMimeType()),
      ).toEqual(['image/png']);
      expect(modelStats(back).triangles).toBe(12);
    },
  );

  it('refuses a .gltf whose files lie outside its folder', async () => {
    const dir = await tempDir('gltf-escape');
    const json = { asset: { version: '2.0' }, buffers: [{ uri: '../secret.bin', byteLength: 4 }] };
    const path = join(dir, 'escape.gltf');
    await writeFile(path, JSON.stringify(json));
    await expect(packModel(path, await readFile(path), RULES)).rejects.toThrow(
      /outside its folder: \.\.\/secret\.bin/,
    );
  });

  it('refuses a texture that is a symlink out of the folder, and packs the bytes it was given', async () => {
    const dir = await tempDir('gltf-link');
    const secret = join(await tempDir('gltf-secret'), 'id_rsa');
    await writeFile(secret, await makeImage(8, 8, 'png', 2));
    const path = await writeCubeGltf(dir, 'cube', 'textures/a.png');
    const bytes = await readFile(path);
    // Read as given: the file changed on disk after it was read (and hashed) is not read again.
    await writeFile(path, '{}');
    expect((await packModel(path, bytes, { ...RULES, formats: ['glb'] })).glb.triangles).toBe(12);
    await rm(join(dir, 'textures/a.png'));
    await symlink(secret, join(dir, 'textures/a.png'));
    await expect(packModel(path, bytes, RULES)).rejects.toThrow(
      'not a readable glTF model: the model names a file outside its folder: textures/a.png',
    );
  });

  it('compresses with meshopt when the preset asks', async () => {
    const source = await makeGridGlb(60);
    const packed = await packModel('grid.glb', source, {
      ...RULES,
      formats: ['glb'],
      targetBytes: 20_000,
      compression: 'meshopt',
    });
    const back = await (await modelIO()).readBinary(packed.glb.data);
    expect(
      back
        .getRoot()
        .listExtensionsUsed()
        .map((e) => e.extensionName),
    ).toContain('EXT_meshopt_compression');
    expect(packed.glb.data.length).toBeLessThanOrEqual(20_000);
    expect(packed.missed).toEqual([]);
  });

  it.skipIf(!existsSync(`${ASSIMP}/MissingBin`))(
    'refuses broken models (assimp-testmodels not installed)',
    async () => {
      const missing = `${ASSIMP}/MissingBin/BoxTextured.gltf`;
      await expect(packModel(missing, await readFile(missing), RULES)).rejects.toThrow();
      const box = await readFile(BOX);
      await expect(packModel('cut.glb', box.subarray(0, box.length / 2), RULES)).rejects.toThrow(
        /cut short/,
      );
    },
  );
});
