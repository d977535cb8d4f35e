import type { Document, GLTF } from '@gltf-transform/core';
import type { MediaFacts } from '../../../../shared/media-facts';
import { emptyFacts } from '../../../../shared/media-facts';
import { meshTriangles } from './scene-instances';
import type { SceneGeometry } from './scene-geometry';
import type { ModelValidation } from './validate-model';

const TEXTURES_LISTED = 32;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : null;
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * A glTF's facts: counts from the document, the bounds of what the scene draws (glTF units
 * are metres, so the size is real-world), the asset's own words (extras.title/author,
 * copyright, generator) and the validator's verdict.
 */
export function gltfFacts(input: {
  doc: Document;
  json: GLTF.IGLTF;
  container: 'glb' | 'gltf';
  fileBytes: number;
  externalBytes: number;
  geometry: SceneGeometry | null;
  validation: ModelValidation | null;
}): MediaFacts {
  const { doc, json, geometry } = input;
  const root = doc.getRoot();
  const asset = json.asset ?? ({} as GLTF.IAsset);
  const extras: Record<string, unknown> = asset.extras ?? {};
  const used = json.extensionsUsed ?? [];
  const meshes = root.listMeshes();
  let primitives = 0;
  for (const mesh of meshes) primitives += mesh.listPrimitives().length;
  const textures = root.listTextures();
  const facts = emptyFacts();
  facts.meshes = meshes.length;
  facts.triangles = meshes.reduce((sum, mesh) => sum + meshTriangles(mesh), 0);
  facts.materials = root.listMaterials().length;
  facts.textures = textures.length;
  facts.title = text(extras['title']) ?? text(root.getDefaultScene()?.getName());
  facts.author = text(extras['author']) ?? text(asset.copyright) ?? text(asset.generator);
  const size =
    geometry?.min && geometry.max
      ? geometry.max.map((v, i) => round(v - (geometry.min?.[i] ?? 0)))
      : null;
  facts.detail = {
    container: input.container,
    gltfVersion: text(asset.version),
    generator: text(asset.generator),
    copyright: text(asset.copyright),
    fileBytes: input.fileBytes,
    externalBytes: input.externalBytes,
    primitives,
    vertices: meshes.reduce(
      (sum, mesh) =>
        sum +
        mesh
          .listPrimitives()
          .reduce((s, p) => s + (p.getAttribute('POSITION')?.getCount() ?? 0), 0),
      0,
    ),
    drawnTriangles: geometry?.drawnTriangles ?? null,
    nodes: root.listNodes().length,
    animations: root.listAnimations().length,
    skins: root.listSkins().length,
    bounds:
      geometry?.min && geometry.max
        ? { min: geometry.min.map(round), max: geometry.max.map(round) }
        : null,
    /** glTF units are metres. */
    sizeMetres: size ? { x: size[0], y: size[1], z: size[2] } : null,
    compression: {
      draco: used.includes('KHR_draco_mesh_compression'),
      meshopt: used.includes('EXT_meshopt_compression') || used.includes('KHR_meshopt_compression'),
      quantized: used.includes('KHR_mesh_quantization'),
    },
    extensionsUsed: used,
    extensionsRequired: json.extensionsRequired ?? [],
    textureList: textures.slice(0, TEXTURES_LISTED).map((t) => {
      const px = t.getSize();
      return {
        name: t.getName() || t.getURI() || null,
        mimeType: t.getMimeType() || null,
        width: px?.[0] ?? null,
        height: px?.[1] ?? null,
        bytes: t.getImage()?.byteLength ?? null,
      };
    }),
    validation: input.validation,
  };
  return facts;
}
