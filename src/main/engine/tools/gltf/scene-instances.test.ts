import { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { meshTriangles, primitiveTriangles, sceneInstances } from './scene-instances';

function primitive(doc: Document, mode: number, vertices: number, indices?: number[]) {
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array(vertices * 3).map((_, i) => i % 7));
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', position)
    .setMode(mode as 4);
  if (indices)
    prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)));
  return prim;
}

describe('triangles by primitive mode', () => {
  it('counts TRIANGLES, STRIP and FAN, indexed or not; points and lines draw none', () => {
    const doc = new Document();
    expect(primitiveTriangles(primitive(doc, 4, 9))).toBe(3);
    expect(primitiveTriangles(primitive(doc, 4, 4, [0, 1, 2, 2, 3, 0]))).toBe(2);
    expect(primitiveTriangles(primitive(doc, 5, 6))).toBe(4);
    expect(primitiveTriangles(primitive(doc, 5, 4, [0, 1, 2, 3, 0]))).toBe(3);
    expect(primitiveTriangles(primitive(doc, 6, 6))).toBe(4);
    expect(primitiveTriangles(primitive(doc, 6, 2))).toBe(0);
    expect(primitiveTriangles(primitive(doc, 0, 9))).toBe(0);
    expect(primitiveTriangles(primitive(doc, 1, 9))).toBe(0);
    const mesh = doc
      .createMesh()
      .addPrimitive(primitive(doc, 4, 9))
      .addPrimitive(primitive(doc, 6, 5));
    expect(meshTriangles(mesh)).toBe(6);
  });

  it('a mesh used by two nodes is drawn twice, each where its node puts it', () => {
    const doc = new Document();
    const mesh = doc.createMesh().addPrimitive(primitive(doc, 4, 3));
    const parent = doc.createNode('p').setTranslation([10, 0, 0]);
    parent.addChild(doc.createNode('a').setMesh(mesh).setTranslation([0, 1, 0]));
    doc.createScene().addChild(parent).addChild(doc.createNode('b').setMesh(mesh));
    const drawn = sceneInstances(doc).map((i) => [i.world[12], i.world[13]]);
    expect(drawn.sort()).toEqual([
      [0, 0],
      [10, 1],
    ]);
  });
});
