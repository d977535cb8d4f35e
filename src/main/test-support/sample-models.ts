// 3D models for tests: a GLB built with gltf-transform (a cube of known size) and the
// assimp-testmodels package's glTF files, when installed.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Document, NodeIO } from '@gltf-transform/core';

export const ASSIMP_GLTF = '/usr/share/assimp/models/glTF2';
export const hasAssimpModels = existsSync(`${ASSIMP_GLTF}/BoxTextured-glTF-Binary/BoxTextured.glb`);

/** A cube `side` metres wide centred on the origin, 12 triangles, one red material. */
export async function writeCubeGlb(path: string, side = 0.2): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const h = side / 2;
  const positions: number[] = [];
  const indices: number[] = [];
  // Six faces, four corners each (flat normals would need their own vertices).
  const faces: [number, number, number][][] = [
    [
      [-h, -h, h],
      [h, -h, h],
      [h, h, h],
      [-h, h, h],
    ],
    [
      [h, -h, -h],
      [-h, -h, -h],
      [-h, h, -h],
      [h, h, -h],
    ],
    [
      [h, -h, h],
      [h, -h, -h],
      [h, h, -h],
      [h, h, h],
    ],
    [
      [-h, -h, -h],
      [-h, -h, h],
      [-h, h, h],
      [-h, h, -h],
    ],
    [
      [-h, h, h],
      [h, h, h],
      [h, h, -h],
      [-h, h, -h],
    ],
    [
      [-h, -h, -h],
      [h, -h, -h],
      [h, -h, h],
      [-h, -h, h],
    ],
  ];
  for (const face of faces) {
    const base = positions.length / 3;
    for (const corner of face) positions.push(...corner);
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array(positions))
    .setBuffer(buffer);
  const index = doc
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Uint16Array(indices))
    .setBuffer(buffer);
  const material = doc.createMaterial('red').setBaseColorFactor([0.8, 0.05, 0.05, 1]);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', position)
    .setIndices(index)
    .setMaterial(material);
  const mesh = doc.createMesh('cube').addPrimitive(prim);
  const node = doc.createNode('cube').setMesh(mesh);
  doc.createScene('scene').addChild(node);
  doc.getRoot().getAsset().generator = 'packshot test';
  const bytes = await new NodeIO().writeBinary(doc);
  await writeFile(path, bytes);
  return bytes;
}
