// Real GLB bytes for tests, built with gltf-transform: a textured cube (its texture made
// with sharp at the size asked) and a flat grid of many triangles. Plus a reader of the
// USDA text the USDZ writer makes, enough to count its prims.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Document, Format, NodeIO } from '@gltf-transform/core';
import { makeImage } from './sample-images';

/** A unit cube: 24 vertices, 12 triangles, one material with a PNG base colour texture. */
export async function makeCubeGlb(texturePx: number): Promise<Buffer> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  const faces = [
    [0, 1],
    [0, -1],
    [1, 1],
    [1, -1],
    [2, 1],
    [2, -1],
  ] as const;
  for (const [axis, sign] of faces) {
    const [u, v] = [(axis + 1) % 3, (axis + 2) % 3];
    const base = positions.length / 3;
    for (const [a, b] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      const p = [0, 0, 0];
      p[axis] = 0.5 * sign;
      p[u] = 0.5 * a * sign;
      p[v] = 0.5 * b;
      positions.push(...p);
      const n = [0, 0, 0];
      n[axis] = sign;
      normals.push(...n);
      uvs.push((a + 1) / 2, (b + 1) / 2);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const texture = doc
    .createTexture('base')
    .setMimeType('image/png')
    .setImage(new Uint8Array(await makeImage(texturePx, texturePx, 'png', 3)));
  const material = doc
    .createMaterial('painted')
    .setBaseColorTexture(texture)
    .setRoughnessFactor(0.6)
    .setMetallicFactor(0);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', positions))
    .setAttribute('NORMAL', accessor(doc, buffer, 'VEC3', normals))
    .setAttribute('TEXCOORD_0', accessor(doc, buffer, 'VEC2', uvs))
    .setIndices(
      doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer),
    )
    .setMaterial(material);
  const mesh = doc.createMesh('cube').addPrimitive(prim);
  doc.createScene('scene').addChild(doc.createNode('cube').setMesh(mesh));
  return Buffer.from(await new NodeIO().writeBinary(doc));
}

/**
 * The textured cube as `name`.gltf in `dir`, its buffer (`name`.bin) and its PNG texture
 * (at `textureUri`, relative to `dir`) files beside it. Returns the .gltf's path.
 */
export async function writeCubeGltf(
  dir: string,
  name: string,
  textureUri: string,
): Promise<string> {
  const io = new NodeIO();
  const doc = await io.readBinary(new Uint8Array(await makeCubeGlb(64)));
  const { json, resources } = await io.writeJSON(doc, { format: Format.GLTF, basename: name });
  for (const buffer of json.buffers ?? [])
    if (buffer.uri)
      await writeFile(join(dir, buffer.uri), resources[buffer.uri] ?? new Uint8Array());
  for (const image of json.images ?? []) {
    const bytes = (image.uri && resources[image.uri]) || new Uint8Array();
    await mkdir(dirname(join(dir, textureUri)), { recursive: true });
    await writeFile(join(dir, textureUri), bytes);
    image.uri = textureUri;
  }
  const path = join(dir, `${name}.gltf`);
  await writeFile(path, JSON.stringify(json));
  return path;
}

/** A flat n × n grid in the XZ plane: 2n² triangles, untextured. */
export async function makeGridGlb(n: number): Promise<Buffer> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions: number[] = [];
  const indices: number[] = [];
  for (let z = 0; z <= n; z++) for (let x = 0; x <= n; x++) positions.push(x / n, 0, z / n);
  for (let z = 0; z < n; z++)
    for (let x = 0; x < n; x++) {
      const i = z * (n + 1) + x;
      indices.push(i, i + n + 1, i + 1, i + 1, i + n + 1, i + n + 2);
    }
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', positions))
    .setIndices(
      doc.createAccessor().setType('SCALAR').setArray(new Uint32Array(indices)).setBuffer(buffer),
    )
    .setMaterial(doc.createMaterial('grey').setBaseColorFactor([0.5, 0.5, 0.5, 1]));
  doc
    .createScene()
    .addChild(doc.createNode('grid').setMesh(doc.createMesh('grid').addPrimitive(prim)));
  return Buffer.from(await new NodeIO().writeBinary(doc));
}

function accessor(
  doc: Document,
  buffer: ReturnType<Document['createBuffer']>,
  type: 'VEC2' | 'VEC3',
  values: number[],
) {
  return doc.createAccessor().setType(type).setArray(new Float32Array(values)).setBuffer(buffer);
}

export interface UsdaPrim {
  path: string;
  type: string;
  /** A Mesh's counts: faces, face vertex indices, points, normals, st. */
  arrays: Record<string, number>;
}

/** The prims of a USDA text (def blocks, nested by braces) and their array lengths. */
export function parseUsda(text: string): { header: string; prims: UsdaPrim[] } {
  const prims: UsdaPrim[] = [];
  const stack: (UsdaPrim | null)[] = [];
  let pending: UsdaPrim | null = null;
  const lines = text.split('\n');
  const headerEnd = lines.indexOf(')');
  for (const raw of lines.slice(headerEnd + 1)) {
    const line = raw.trim();
    const def = /^def (\w+) "(\w+)"/.exec(line);
    if (def) {
      const parent = [...stack].reverse().find((p) => p !== null);
      pending = { path: `${parent?.path ?? ''}/${def[2]}`, type: def[1] ?? '', arrays: {} };
      prims.push(pending);
      continue;
    }
    if (line === '{') {
      stack.push(pending);
      pending = null;
      continue;
    }
    if (line === '}') {
      stack.pop();
      continue;
    }
    const array = /^(?:uniform )?[\w]+\[\] ([\w:]+) = \[(.*)\]/.exec(line);
    const owner = stack[stack.length - 1];
    if (array && owner) {
      const body = array[2] ?? '';
      const items = body.startsWith('(') ? body.split('), (').length : body.split(',').length;
      owner.arrays[array[1] ?? ''] = body.trim() === '' ? 0 : items;
    }
  }
  return { header: lines.slice(0, headerEnd + 1).join('\n'), prims };
}
