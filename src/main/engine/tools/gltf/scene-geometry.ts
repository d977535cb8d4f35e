import type { Accessor, Document, Primitive } from '@gltf-transform/core';
import type { Mat4 } from './scene-instances';
import { primitiveTriangles, sceneInstances, triangleCorners } from './scene-instances';

/** The drawn scene as world-space triangles, ready to rasterise, and its bounds. */
export interface SceneGeometry {
  /** Nine floats per triangle: three corners, world space (metres). */
  corners: Float32Array;
  /** Three sRGB bytes per triangle: its material's base colour. */
  colors: Uint8Array;
  count: number;
  /** Triangles the scene draws (each mesh once per node that uses it). */
  drawnTriangles: number;
  /** 1 when every triangle was kept; k when only every k-th was (a huge model). */
  sampledEvery: number;
  /** Bounds over every finite vertex drawn; null when there is none. */
  min: [number, number, number] | null;
  max: [number, number, number] | null;
}

/** Past this many drawn triangles the thumbnail draws an even sample of them. */
export const RENDER_TRIANGLE_CAP = 500_000;
const FLOAT = 5126;

function positionsOf(accessor: Accessor): ArrayLike<number> {
  const array = accessor.getArray() as ArrayLike<number> | null;
  if (array && accessor.getComponentType() === FLOAT && !accessor.getNormalized()) return array;
  // Quantized or normalized positions (KHR_mesh_quantization): getElement scales them.
  const n = accessor.getCount();
  const out = new Float32Array(n * 3);
  const el = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    accessor.getElement(i, el);
    out[i * 3] = el[0] ?? 0;
    out[i * 3 + 1] = el[1] ?? 0;
    out[i * 3 + 2] = el[2] ?? 0;
  }
  return out;
}

function toSrgbByte(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  const s = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(s * 255);
}

function colorOf(prim: Primitive): [number, number, number] {
  const material = prim.getMaterial();
  // No material: glTF's default is white; a light grey reads better as a shape.
  const [r, g, b] = material ? material.getBaseColorFactor() : [0.6, 0.6, 0.6];
  return [toSrgbByte(r), toSrgbByte(g), toSrgbByte(b)];
}

function transform(positions: ArrayLike<number>, world: Mat4): Float64Array {
  const n = Math.floor(positions.length / 3);
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const x = positions[i * 3] ?? 0;
    const y = positions[i * 3 + 1] ?? 0;
    const z = positions[i * 3 + 2] ?? 0;
    for (let r = 0; r < 3; r++) {
      out[i * 3 + r] =
        (world[r] ?? 0) * x +
        (world[4 + r] ?? 0) * y +
        (world[8 + r] ?? 0) * z +
        (world[12 + r] ?? 0);
    }
  }
  return out;
}

/** The scene's triangles in world space (an even sample past `cap`) and its bounds. */
export function sceneGeometry(doc: Document, cap = RENDER_TRIANGLE_CAP): SceneGeometry {
  const instances = sceneInstances(doc);
  let drawn = 0;
  for (const { mesh } of instances) {
    for (const prim of mesh.listPrimitives()) drawn += primitiveTriangles(prim);
  }
  const every = drawn > cap ? Math.ceil(drawn / cap) : 1;
  const room = Math.ceil(drawn / every);
  const corners = new Float32Array(room * 9);
  const colors = new Uint8Array(room * 3);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  let count = 0;
  let seen = 0;
  const corner = new Int32Array(3);
  for (const { mesh, world } of instances) {
    for (const prim of mesh.listPrimitives()) {
      const tris = primitiveTriangles(prim);
      const position = prim.getAttribute('POSITION');
      if (tris === 0 || !position) continue;
      const p = transform(positionsOf(position), world);
      const n = p.length / 3;
      for (let i = 0; i < p.length; i++) {
        const v = p[i] as number;
        if (!Number.isFinite(v)) continue;
        const axis = i % 3;
        if (v < (min[axis] as number)) min[axis] = v;
        if (v > (max[axis] as number)) max[axis] = v;
      }
      const idx = (prim.getIndices()?.getArray() ?? null) as ArrayLike<number> | null;
      const index = idx ? (i: number): number => idx[i] ?? -1 : (i: number): number => i;
      const [r, g, b] = colorOf(prim);
      const mode = prim.getMode();
      for (let t = 0; t < tris; t++) {
        if (seen++ % every !== 0 || count >= room) continue;
        const abc = triangleCorners(mode, t, index, corner);
        let ok = true;
        for (let k = 0; k < 3 && ok; k++) {
          const v = abc[k] as number;
          if (v < 0 || v >= n) ok = false;
          else {
            for (let a = 0; a < 3; a++) {
              const c = p[v * 3 + a] as number;
              if (!Number.isFinite(c)) ok = false;
              corners[count * 9 + k * 3 + a] = c;
            }
          }
        }
        if (!ok) continue;
        colors[count * 3] = r;
        colors[count * 3 + 1] = g;
        colors[count * 3 + 2] = b;
        count++;
      }
    }
  }
  const bounded = Number.isFinite(min[0]) && Number.isFinite(max[0]);
  return {
    corners,
    colors,
    count,
    drawnTriangles: drawn,
    sampledEvery: every,
    min: bounded ? min : null,
    max: bounded ? max : null,
  };
}
