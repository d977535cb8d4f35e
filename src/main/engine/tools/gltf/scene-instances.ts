import type { Document, Mesh, Node, Primitive } from '@gltf-transform/core';

/** A 4×4 matrix, column-major as glTF stores it. */
export type Mat4 = Float64Array;

const IDENTITY = (): Mat4 => new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Mat4 {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += (a[k * 4 + r] ?? 0) * (b[c * 4 + k] ?? 0);
      out[c * 4 + r] = sum;
    }
  }
  return out;
}

/** One mesh as the scene draws it: where (its node's world matrix). */
export interface MeshInstance {
  mesh: Mesh;
  world: Mat4;
}

/**
 * Every mesh the default scene draws, with its world matrix. Each node is visited once: a
 * glTF whose nodes form a loop (assimp's RecursiveNodes) ends instead of hanging. A file
 * without a scene draws each mesh once where it stands.
 */
export function sceneInstances(doc: Document): MeshInstance[] {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) return root.listMeshes().map((mesh) => ({ mesh, world: IDENTITY() }));
  const out: MeshInstance[] = [];
  const seen = new Set<Node>();
  const stack: { node: Node; parent: Mat4 }[] = scene
    .listChildren()
    .map((node) => ({ node, parent: IDENTITY() }));
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: Node; parent: Mat4 };
    if (seen.has(node)) continue;
    seen.add(node);
    const world = multiply(parent, node.getMatrix());
    const mesh = node.getMesh();
    if (mesh) out.push({ mesh, world });
    for (const child of node.listChildren()) stack.push({ node: child, parent: world });
  }
  return out;
}

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const TRIANGLE_FAN = 6;

/** Triangles a primitive draws: by its mode, over its indices or else its vertices. */
export function primitiveTriangles(prim: Primitive): number {
  const indices = prim.getIndices();
  const count = indices ? indices.getCount() : (prim.getAttribute('POSITION')?.getCount() ?? 0);
  const mode = prim.getMode();
  if (mode === TRIANGLES) return Math.floor(count / 3);
  if (mode === TRIANGLE_STRIP || mode === TRIANGLE_FAN) return Math.max(0, count - 2);
  return 0;
}

export function meshTriangles(mesh: Mesh): number {
  let sum = 0;
  for (const prim of mesh.listPrimitives()) sum += primitiveTriangles(prim);
  return sum;
}

/** The vertex indices of triangle `t` of a primitive of `mode` into `out` (strips alternate winding). */
export function triangleCorners(
  mode: number,
  t: number,
  index: (i: number) => number,
  out: Int32Array,
): Int32Array {
  if (mode === TRIANGLE_STRIP) {
    const even = t % 2 === 0;
    out[0] = index(even ? t : t + 1);
    out[1] = index(even ? t + 1 : t);
    out[2] = index(t + 2);
  } else if (mode === TRIANGLE_FAN) {
    out[0] = index(0);
    out[1] = index(t + 1);
    out[2] = index(t + 2);
  } else {
    out[0] = index(3 * t);
    out[1] = index(3 * t + 1);
    out[2] = index(3 * t + 2);
  }
  return out;
}
