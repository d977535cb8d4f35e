// What a model's rules are checked against, counted from the document itself.
import { ImageUtils, Primitive, type Document, type Mesh } from '@gltf-transform/core';

export interface TextureSize {
  name: string;
  mimeType: string;
  width: number;
  height: number;
}

export interface ModelStats {
  meshes: number;
  /** As drawn: a mesh used by two nodes counts twice (what a phone renders in AR). */
  triangles: number;
  materials: number;
  textures: TextureSize[];
  /** What a USDZ from this exporter leaves out (skins, animation, morph targets, …). */
  notCarried: string[];
}

export function trianglesOf(prim: Primitive): number {
  const count = prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0;
  switch (prim.getMode()) {
    case Primitive.Mode.TRIANGLES:
      return Math.floor(count / 3);
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN:
      return Math.max(0, count - 2);
    default:
      return 0;
  }
}

export function modelStats(doc: Document): ModelStats {
  const root = doc.getRoot();
  let morphs = false;
  const perMesh = new Map<Mesh, number>();
  for (const mesh of root.listMeshes()) {
    let n = 0;
    for (const prim of mesh.listPrimitives()) {
      n += trianglesOf(prim);
      morphs ||= prim.listTargets().length > 0;
    }
    perMesh.set(mesh, n);
  }
  let triangles = 0;
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  scene?.traverse((node) => {
    const mesh = node.getMesh();
    if (mesh) triangles += perMesh.get(mesh) ?? 0;
  });
  const textures = root.listTextures().map((t, i) => {
    const size = ImageUtils.getSize(t.getImage() ?? new Uint8Array(), t.getMimeType());
    return {
      name: t.getName() || t.getURI() || `texture ${i + 1}`,
      mimeType: t.getMimeType(),
      width: size?.[0] ?? 0,
      height: size?.[1] ?? 0,
    };
  });
  const notCarried: string[] = [];
  if (root.listSkins().length > 0) notCarried.push('skinning');
  if (root.listAnimations().length > 0) notCarried.push('animation');
  if (morphs) notCarried.push('morph targets');
  const extensions = root
    .listExtensionsUsed()
    .map((e) => e.extensionName)
    .filter((n) => !USDZ_NEUTRAL.has(n));
  if (extensions.length > 0) notCarried.push(extensions.join(', '));
  return {
    meshes: root.listMeshes().length,
    triangles,
    materials: root.listMaterials().length,
    textures,
    notCarried,
  };
}

/** Extensions whose content reaches the USDZ anyway (decoded geometry, converted images). */
const USDZ_NEUTRAL = new Set([
  'KHR_draco_mesh_compression',
  'EXT_meshopt_compression',
  'KHR_mesh_quantization',
  'EXT_texture_webp',
  'EXT_texture_avif',
]);

export { isPowerOfTwo } from './power-of-two';
